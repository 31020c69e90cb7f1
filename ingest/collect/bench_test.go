package collect

import (
	"fmt"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"

	"github.com/pathfinder-sec/pathfinder/ingest/collect/awsfake"
)

// BenchmarkEncodeAuthorizationDetails measures turning 1,000 roles (each
// with a trust policy, an inline policy and tags, as IAM returns them) into
// the bytes of iam-authorization-details.json.
func BenchmarkEncodeAuthorizationDetails(b *testing.B) {
	doc := url.PathEscape(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":"*"}]}`)
	created := time.Date(2024, 5, 14, 16, 2, 11, 0, time.UTC)
	roles := make([]iamtypes.RoleDetail, 1000)
	for i := range roles {
		name := fmt.Sprintf("role-%04d", i)
		roles[i] = iamtypes.RoleDetail{
			RoleName: aws.String(name), Arn: aws.String("arn:aws:iam::111122223333:role/" + name),
			Path: aws.String("/"), CreateDate: &created, AssumeRolePolicyDocument: aws.String(doc),
			RolePolicyList:          []iamtypes.PolicyDetail{{PolicyName: aws.String("inline"), PolicyDocument: aws.String(doc)}},
			AttachedManagedPolicies: []iamtypes.AttachedPolicy{},
			InstanceProfileList:     []iamtypes.InstanceProfile{},
			Tags:                    []iamtypes.Tag{{Key: aws.String("team"), Value: aws.String("platform")}},
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		tree := decodePolicyDocuments(newObject().set("RoleDetailList", encodeList(roles)))
		data, err := marshalFile(tree)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(data)))
	}
}

// BenchmarkCollectCapitalOne measures a whole collection of the Capital
// One snapshot from the local fake, through the real SDK clients.
func BenchmarkCollectCapitalOne(b *testing.B) {
	fake, err := awsfake.New(fixture("capital-one"), awsfake.Options{PageSize: 100})
	if err != nil {
		b.Fatal(err)
	}
	defer fake.Close()
	b.Setenv("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
	b.Setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
	b.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	b.Setenv("AWS_CONFIG_FILE", filepath.Join(b.TempDir(), "none"))
	b.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(b.TempDir(), "none"))
	b.Setenv("AWS_PROFILE", "")
	for b.Loop() {
		_, err := Run(b.Context(), Options{Out: filepath.Join(b.TempDir(), "snap"), Regions: []string{"us-east-1"}, EndpointURL: fake.URL()})
		if err != nil {
			b.Fatal(err)
		}
	}
}
