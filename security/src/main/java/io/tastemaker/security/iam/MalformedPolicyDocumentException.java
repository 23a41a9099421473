package io.tastemaker.security.iam;

/** IAM's {@code MalformedPolicyDocument}: a policy document is not valid JSON or not in AWS's policy grammar. */
public class MalformedPolicyDocumentException extends IamException {

    private static final long serialVersionUID = 1L;

    public MalformedPolicyDocumentException(String message) {
        super(message);
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
