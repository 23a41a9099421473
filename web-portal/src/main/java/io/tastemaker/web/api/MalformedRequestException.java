package io.tastemaker.web.api;

/** A request body that is not the JSON the operation expects; answered as SerializationException. */
public class MalformedRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedRequestException(String message) {
        super(message);
    }
}
