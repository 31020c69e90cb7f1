package snapshot

import (
	"errors"
	"fmt"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// accessKeysFile is `aws iam list-access-keys --user-name U` for every
// user, the AccessKeyMetadata lists concatenated.
type accessKeysFile struct {
	AccessKeyMetadata []accessKeyMetadata `json:"AccessKeyMetadata"`
}

type accessKeyMetadata struct {
	UserName    string    `json:"UserName"`
	AccessKeyId string    `json:"AccessKeyId"`
	Status      string    `json:"Status"`
	CreateDate  timestamp `json:"CreateDate"`
}

func (k *accessKeyMetadata) validate() error {
	if k.UserName == "" || k.AccessKeyId == "" {
		return errors.New("UserName and AccessKeyId are required")
	}
	return checkEnum(k.Status, "Active", "Inactive", "Expired")
}

func decodeAccessKeys(file string, data []byte, a *accountFiles, _ *regionFiles) error {
	f := &accessKeysFile{}
	if err := decodeObject(file, data, "$", f); err != nil {
		return err
	}
	a.accessKeys = f
	return nil
}

// convertAccessKeys names each key's user by ARN, found by user name among
// the account's users.
func (c *converter) convertAccessKeys() {
	if c.files.accessKeys == nil {
		return
	}
	userARN := map[string]string{}
	for _, u := range c.est.Users {
		userARN[u.Name] = u.ARN
	}
	for _, k := range c.files.accessKeys.AccessKeyMetadata {
		arn, ok := userARN[k.UserName]
		if !ok {
			arn = fmt.Sprintf("arn:aws:iam::%s:user/%s", c.account, k.UserName)
			c.warn("access key %s belongs to user %s, which the authorization details do not list", k.AccessKeyId, k.UserName)
		}
		c.est.AccessKeys = append(c.est.AccessKeys, ingest.AccessKey{User: arn, ID: k.AccessKeyId, Status: k.Status})
	}
}
