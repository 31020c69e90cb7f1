package awsfake

import "fmt"

// apiError is an error answer: the HTTP status and the error code and
// message that each protocol puts in its own error shape.
type apiError struct {
	status  int
	code    string
	message string
	// header holds extra response headers, such as S3's
	// x-amz-bucket-region on a redirect.
	header map[string]string
}

func (e *apiError) Error() string { return e.code + ": " + e.message }

func newError(status int, code, format string, args ...any) *apiError {
	return &apiError{status: status, code: code, message: fmt.Sprintf(format, args...)}
}

// deniedStatus is the HTTP status AWS answers an error code with when the
// fake raises it from Options.Deny or a manifest's not_collected entry.
func deniedStatus(svc *service, code string) int {
	switch code {
	case "AuthFailure":
		return 401
	case "AccessDenied", "UnauthorizedOperation", "OptInRequired", "InvalidClientTokenId", "SignatureDoesNotMatch":
		return 403
	case "AccessDeniedException":
		if _, rest := svc.proto.(lambdaProtocol); rest {
			return 403 // Lambda; the JSON RPC services answer 400
		}
		return 400
	}
	return 400
}

// notServed answers an operation or request form the fake does not know.
func notServed(svc, op string) *apiError {
	return newError(400, "InvalidAction", "awsfake does not serve %s:%s", svc, op)
}
