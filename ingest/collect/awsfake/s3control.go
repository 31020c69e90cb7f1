package awsfake

import (
	"reflect"

	s3controltypes "github.com/aws/aws-sdk-go-v2/service/s3control/types"
)

func s3ControlService() *service {
	return &service{
		name:     "s3control",
		proto:    s3ControlProtocol{},
		throttle: apiError{status: 503, code: "SlowDown", message: "Please reduce your request rate."},
		ops: map[string]operation{
			"GetPublicAccessBlock": {
				run:    getAccountPublicAccessBlock,
				goType: reflect.TypeOf(s3controltypes.PublicAccessBlockConfiguration{}),
				root:   "PublicAccessBlockConfiguration", payload: "PublicAccessBlockConfiguration",
			},
		},
	}
}

// getAccountPublicAccessBlock answers the account-level Block Public
// Access of the caller's own account.
func getAccountPublicAccessBlock(c *call) (map[string]any, *apiError) {
	if c.in["AccountId"] != c.acct.id {
		return nil, newError(403, "AccessDenied", "Access Denied")
	}
	f := c.acct.file("s3control-get-public-access-block.json")
	if f == nil {
		return nil, newError(404, "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found")
	}
	return f, nil
}
