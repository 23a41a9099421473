package io.tastemaker.systemtest.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamRequest;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.PersonalizeRequest;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeevents.model.PersonalizeEventsRequest;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.PersonalizeRuntimeRequest;

/**
 * Every operation of Personalize's three APIs and of IAM, as the AWS SDK's generated clients know
 * them (they are generated from the same service models as
 * {@code reference/aws-models/personalize*.json}: one client method per operation, taking
 * {@code <Operation>Request}), and which of them this server serves. A test that must cover every operation asks here, so that it notices an operation
 * the server starts to serve.
 *
 * <p>Which operations are served is asked of the server itself: each is called once with an empty
 * request, and an operation the server does not serve answers {@code UnknownOperationException}
 * (JSON 1.1: an unknown {@code X-Amz-Target}; REST-JSON: no resource at the path) or, in IAM's
 * Query protocol, {@code InvalidAction}. Any other answer, a validation error included, means it
 * is served.
 */
public final class ApiSurface {

    /** The three SDK clients of Personalize and the base class of their requests. */
    public enum Api {
        CONTROL_PLANE(PersonalizeClient.class, PersonalizeRequest.class, Clients::personalize),
        RUNTIME(PersonalizeRuntimeClient.class, PersonalizeRuntimeRequest.class, Clients::runtime),
        EVENTS(PersonalizeEventsClient.class, PersonalizeEventsRequest.class, Clients::events),
        IAM(IamClient.class, IamRequest.class, Clients::iam);

        private final Class<? extends SdkClient> client;
        private final Class<? extends AwsRequest> requestBase;
        private final Function<Clients, SdkClient> pick;

        Api(Class<? extends SdkClient> client, Class<? extends AwsRequest> requestBase, Function<Clients, SdkClient> pick) {
            this.client = client;
            this.requestBase = requestBase;
            this.pick = pick;
        }
    }

    /** One operation: its API, its name as in the model (e.g. {@code DescribeDatasetGroup}) and its client method. */
    public record Operation(Api api, String name, Method method) {

        /** The operation's request class, e.g. {@code DescribeDatasetGroupRequest}. */
        public Class<?> requestClass() {
            return method.getParameterTypes()[0];
        }

        /** A request with no member set. */
        public Object emptyRequest() {
            try {
                Object builder = requestClass().getMethod("builder").invoke(null);
                Method build = builder.getClass().getMethod("build");
                build.setAccessible(true);
                return build.invoke(builder);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot build an empty " + requestClass().getSimpleName(), e);
            }
        }

        /**
         * Calls the operation with {@code request} through {@code clients}' SDK client.
         *
         * @return the response
         * @throws AwsServiceException as the server answered
         */
        public Object call(Clients clients, Object request) {
            try {
                return method.invoke(api.pick.apply(clients), request);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * Whether this server serves the operation: it is called with an empty request and must
         * answer something other than {@code UnknownOperationException}.
         */
        public boolean servedBy(Clients clients) {
            try {
                call(clients, emptyRequest());
                return true;
            } catch (AwsServiceException e) {
                String code = e.awsErrorDetails().errorCode();
                return !"UnknownOperationException".equals(code) && !"InvalidAction".equals(code);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private ApiSurface() {
    }

    /** Every operation of the three APIs, by API then name. */
    public static List<Operation> all() {
        List<Operation> out = new ArrayList<>();
        for (Api api : Api.values()) {
            for (Method m : api.client.getMethods()) {
                if (m.getParameterCount() == 1 && api.requestBase.isAssignableFrom(m.getParameterTypes()[0])
                        && !Modifier.isStatic(m.getModifiers())) {
                    String request = m.getParameterTypes()[0].getSimpleName();
                    String name = request.substring(0, request.length() - "Request".length());
                    if (!m.getName().equals(name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1))) {
                        continue;
                    }
                    out.add(new Operation(api, name, m));
                }
            }
        }
        out.sort(Comparator.comparing(Operation::api).thenComparing(Operation::name));
        return out;
    }

    /** The operations {@code clients}' server serves (one empty call each). */
    public static List<Operation> served(Clients clients) {
        return all().stream().filter(op -> op.servedBy(clients)).toList();
    }
}
