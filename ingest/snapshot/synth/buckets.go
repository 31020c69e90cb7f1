package synth

import (
	"encoding/json"
	"fmt"
)

func bpa(on bool) obj {
	return obj{"BlockPublicAcls": on, "IgnorePublicAcls": on, "BlockPublicPolicy": on, "RestrictPublicBuckets": on}
}

// bucketList writes the buckets with their policies (as JSON strings, as
// the CLI prints them): most deny plain HTTP, some grant a role of the
// next account read access, one in a hundred is public.
func (a *account) bucketList() obj {
	list := make([]any, 0, a.buckets)
	next := accountID((a.index + 1) % a.opt.Accounts)
	for k := 0; k < a.buckets; k++ {
		name := fmt.Sprintf("synthetic-%s-%d", a.id, k)
		arn := "arn:aws:s3:::" + name
		statements := []any{obj{"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
			"Resource": []string{arn, arn + "/*"}, "Condition": obj{"Bool": obj{"aws:SecureTransport": "false"}}}}
		switch {
		case k%100 == 0:
			statements = append(statements, obj{"Sid": "PublicRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": arn + "/*"})
		case k%4 == 0:
			statements = append(statements, obj{"Sid": "PartnerRead", "Effect": "Allow",
				"Principal": obj{"AWS": fmt.Sprintf("arn:aws:iam::%s:role/%s", next, roleName(userRole))},
				"Action":    []string{"s3:GetObject", "s3:ListBucket"}, "Resource": []string{arn, arn + "/*"}})
		}
		var policy any
		if k%3 != 2 {
			text, _ := json.Marshal(obj{"Version": "2012-10-17", "Statement": statements})
			policy = string(text)
		}
		encryption := obj{"SSEAlgorithm": "AES256"}
		if k%2 == 1 {
			encryption = obj{"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": fmt.Sprintf("arn:aws:kms:us-east-1:%s:key/%08x-0000-4000-8000-%012x", a.id, k, k)}
		}
		var tagging any
		if k%10 == 0 {
			tagging = obj{"TagSet": []any{obj{"Key": "data-classification", "Value": "pii"}}}
		}
		list = append(list, obj{"Name": name, "CreationDate": created, "BucketRegion": regions[k%len(regions)], "Policy": policy,
			"PublicAccessBlockConfiguration": bpa(k%100 != 0), "Tagging": tagging,
			"ServerSideEncryptionConfiguration": obj{"Rules": []any{obj{"ApplyServerSideEncryptionByDefault": encryption, "BucketKeyEnabled": k%2 == 1}}},
			"OwnershipControls":                 obj{"Rules": []any{obj{"ObjectOwnership": "BucketOwnerEnforced"}}}})
	}
	return obj{"Buckets": list, "Owner": obj{"DisplayName": "synthetic", "ID": fmt.Sprintf("%064x", a.index)}}
}
