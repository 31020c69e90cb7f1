package awsmanaged

import "strings"

// Lookup finds a policy by its full ARN
// ("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"), by its path and
// name ("job-function/ViewOnlyAccess") or by its bare name
// ("ViewOnlyAccess").
//
// ARNs match exactly, as AWS compares them. Names match whatever their
// case, because IAM keeps policy names unique ignoring case, so a
// scenario that writes "administratoraccess" still means one policy.
// ARNs of other partitions (aws-cn, aws-us-gov) are not found: their
// documents can differ from the aws partition's.
func Lookup(nameOrARN string) (Entry, bool) {
	idx, err := catalogue()
	if err != nil {
		return Entry{}, false
	}
	key := strings.TrimSpace(nameOrARN)
	if strings.HasPrefix(key, "arn:") {
		i, ok := idx.byARN[key]
		return entryAt(idx, i, ok)
	}
	key = strings.Trim(key, "/")
	key = strings.TrimPrefix(key, "policy/")
	i, ok := idx.byName[strings.ToLower(key)]
	return entryAt(idx, i, ok)
}

func entryAt(idx *index, i int, ok bool) (Entry, bool) {
	if !ok {
		return Entry{}, false
	}
	return idx.entries[i], true
}

// IsAWSManagedARN reports whether arn names an AWS managed policy, in any
// partition: such a policy's document comes from AWS, not from the
// account that attaches it.
func IsAWSManagedARN(arn string) bool {
	parts := strings.SplitN(arn, ":", 6)
	return len(parts) == 6 && parts[0] == "arn" && parts[2] == "iam" && parts[3] == "" &&
		parts[4] == "aws" && strings.HasPrefix(parts[5], "policy/")
}
