package dev.keyhole.web;

import dev.keyhole.web.BadInputCorpus.Endpoint;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The endpoints of every {@code @RequestMapping} handler, read from Spring's own mapping: method, path
 * (variables filled with a UUID no row has), query parameters and the fields of the JSON body.
 */
final class HandlerEndpoints {

    private static final String NO_ROW = "00000000-0000-0000-0000-000000000000";

    private HandlerEndpoints() {}

    static List<Endpoint> of(RequestMappingHandlerMapping mappings) {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]+}", NO_ROW);
                for (RequestMethod method : methods(info)) {
                    endpoints.add(new Endpoint(method.name(), path, params(handler), body(handler)));
                }
            }
        });
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return endpoints;
    }

    private static Set<RequestMethod> methods(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods;
    }

    private static Map<String, Class<?>> params(HandlerMethod handler) {
        Map<String, Class<?>> params = new LinkedHashMap<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = !param.name().isEmpty()
                        ? param.name()
                        : !param.value().isEmpty()
                                ? param.value()
                                : parameter.getParameter().getName();
                params.put(name, parameter.getParameterType());
            }
        }
        return params;
    }

    /** The JSON body's fields by type, an empty map for a body of no fixed shape, null for none. */
    private static Map<String, Class<?>> body(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                Map<String, Class<?>> fields = new LinkedHashMap<>();
                Class<?> type = parameter.getParameterType();
                if (type.isRecord()) {
                    for (RecordComponent component : type.getRecordComponents()) {
                        fields.put(component.getName(), component.getType());
                    }
                }
                return fields;
            }
        }
        return null;
    }
}
