package collect

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
)

func TestGapReasonNamesCodeMessageAndCall(t *testing.T) {
	denied := &smithy.GenericAPIError{Code: "AccessDeniedException", Message: "User: arn:aws:iam::111122223333:role/c is not authorized to perform: lambda:ListFunctions"}
	tests := []struct {
		name string
		err  error
		item string
		want string
	}{
		{"API error in an operation",
			&smithy.OperationError{ServiceID: "Lambda", OperationName: "ListFunctions", Err: denied}, "",
			"AccessDeniedException: User: arn:aws:iam::111122223333:role/c is not authorized to perform: lambda:ListFunctions (ListFunctions)"},
		{"with the item",
			&smithy.OperationError{ServiceID: "S3", OperationName: "GetBucketPolicy", Err: &smithy.GenericAPIError{Code: "AccessDenied", Message: "Access Denied"}}, "bucket b",
			"AccessDenied: Access Denied (GetBucketPolicy bucket b)"},
		{"not an API error, on one line",
			fmt.Errorf("dial tcp:\n connection refused"), "",
			"dial tcp: connection refused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, gapReason(tt.err, tt.item))
		})
	}
}

func TestStoppedOnlyForCancellation(t *testing.T) {
	live := context.Background()
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	assert.False(t, stopped(live, &smithy.GenericAPIError{Code: "AccessDenied"}))
	assert.False(t, stopped(live, errors.New("connection reset")))
	assert.True(t, stopped(live, fmt.Errorf("operation error: %w", context.DeadlineExceeded)))
	assert.True(t, stopped(cancelled, &smithy.GenericAPIError{Code: "AccessDenied"}))
}

func TestDedupeGapsSortsAndDropsRepeats(t *testing.T) {
	gaps := []Gap{
		{"us-east-1", "s3", "b"}, {"", "iam", "a"}, {"us-east-1", "s3", "b"}, {"eu-west-1", "ec2", "c"},
	}
	assert.Equal(t, []Gap{{"", "iam", "a"}, {"eu-west-1", "ec2", "c"}, {"us-east-1", "s3", "b"}}, dedupeGaps(gaps))
}
