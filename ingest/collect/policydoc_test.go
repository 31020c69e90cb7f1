package collect

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/stretchr/testify/assert"
)

func TestPolicyDocumentsAreDecodedAsTheCLIDoes(t *testing.T) {
	role := iamtypes.RoleDetail{
		RoleName: aws.String("r"),
		// as IAM sends it: URL-encoded, with a literal plus sign
		AssumeRolePolicyDocument: aws.String("%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22ec2.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%2C%22Sid%22%3A%22a+b%22%7D%5D%7D"),
		RolePolicyList: []iamtypes.PolicyDetail{
			{PolicyName: aws.String("inline"), PolicyDocument: aws.String("%7B%22Statement%22%3A%5B%5D%7D")},
			{PolicyName: aws.String("broken"), PolicyDocument: aws.String("not%20json")},
		},
		Path: aws.String("%7B%22not%22%3A%22a%20document%22%7D"),
	}
	got := renderTree(t, decodePolicyDocuments(encode(role)))
	assert.JSONEq(t, `{
		"AssumeRolePolicyDocument": {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Sid":"a+b"}]},
		"Path": "%7B%22not%22%3A%22a%20document%22%7D",
		"RoleName": "r",
		"RolePolicyList": [
			{"PolicyName":"inline","PolicyDocument":{"Statement":[]}},
			{"PolicyName":"broken","PolicyDocument":"not%20json"}
		]}`, got)
}
