package dev.keyhole.viewer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The viewer tests' settings, the same on every class so Spring starts the server once for all of them:
 * emailed codes fixed for {@code @example.test} (accounts are made through the sync API, as an Ente client
 * makes them), and an auto-lock that may be set to fractions of a minute. (Not "ViewerSettings": the
 * application has a class of that name in this package, which a test class would hide from the server.)
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@TestPropertySource(
        properties = {
            "keyhole.ott.fixed-domain=example.test",
            "keyhole.ott.fixed-code=123456",
            "keyhole.viewer.min-auto-lock-minutes=0.02"
        })
@interface ViewerTestSettings {}
