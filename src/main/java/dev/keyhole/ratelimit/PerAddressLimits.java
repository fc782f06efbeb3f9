package dev.keyhole.ratelimit;

import dev.keyhole.KeyholeProperties;
import dev.keyhole.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enforces {@link LimitedPerAddress} before the endpoint reads its request, so that a refused request
 * touches nothing but its bucket. Modelled on Vaultwarden's login limit: a burst, then a steady refill.
 */
@Configuration(proxyBeanMethods = false)
class PerAddressLimits implements WebMvcConfigurer, HandlerInterceptor {

    private static final String CODE = "TOO_MANY_REQUESTS";
    private static final String MESSAGE = "Too many requests from your network. Wait a moment and try again.";

    private final RateLimiter limiter;
    private final KeyholeProperties.PerAddress settings;

    PerAddressLimits(RateLimiter limiter, KeyholeProperties properties) {
        this.limiter = limiter;
        this.settings = properties.limits().perAddress();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            LimitedPerAddress limited = method.getMethodAnnotation(LimitedPerAddress.class);
            if (limited != null) {
                limiter.take(limitFor(limited), ClientAddress.keyOf(request.getRemoteAddr()));
            }
        }
        return true;
    }

    private Limit limitFor(LimitedPerAddress limited) {
        String name = "address:" + limited.value();
        return limited.polling()
                ? new Limit(name, settings.pollingBurst(), settings.pollingRefill(), CODE, MESSAGE)
                : new Limit(name, settings.burst(), settings.refill(), CODE, MESSAGE);
    }
}
