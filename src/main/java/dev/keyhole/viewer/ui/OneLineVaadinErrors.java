package dev.keyhole.viewer.ui;

import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Replaces Vaadin's default session error handler, which logs every failure with its whole stack trace:
 * a browser (or anyone with a session) that sends an RPC message of the wrong shape makes Flow's message
 * parsing throw, and each such message would add kilobytes to the log. One line says enough; the
 * exception's message is left out because it may quote what the client sent.
 */
@Component
class OneLineVaadinErrors implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(OneLineVaadinErrors.class);
    private static final String FLOW_MESSAGES = "com.vaadin.flow.server.communication.";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addSessionInitListener(init -> init.getSession().setErrorHandler(OneLineVaadinErrors::report));
    }

    private static void report(ErrorEvent event) {
        Throwable error = event.getThrowable();
        StackTraceElement[] frames = error.getStackTrace();
        String origin = frames.length == 0 ? "unknown" : frames[0].toString();
        if (throwsWhileParsing(frames)) {
            log.warn(
                    "Refused a malformed Vaadin message: {} at {}",
                    error.getClass().getName(),
                    origin);
        } else {
            log.error("Unhandled {} at {} in a Vaadin request", error.getClass().getName(), origin(frames, origin));
        }
    }

    /** Flow's own message handling threw before any of Keyhole's code ran: the message was bad. */
    private static boolean throwsWhileParsing(StackTraceElement[] frames) {
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().startsWith("dev.keyhole.")) {
                return false;
            }
            if (frame.getClassName().startsWith(FLOW_MESSAGES)) {
                return true;
            }
        }
        return false;
    }

    private static String origin(StackTraceElement[] frames, String fallback) {
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().startsWith("dev.keyhole.")) {
                return frame.toString();
            }
        }
        return fallback;
    }
}
