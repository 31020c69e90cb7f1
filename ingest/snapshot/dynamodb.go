package snapshot

import (
	"github.com/pathfinder-sec/pathfinder/ingest"
)

// tablesFile holds, per table, `aws dynamodb describe-table` (.Table) with
// the ResourcePolicy string of `get-resource-policy` (null when none) and,
// optionally, the Tags of `list-tags-of-resource`.
type tablesFile struct {
	Tables []table `json:"Tables"`
}

type table struct {
	TableName      string `json:"TableName"`
	TableArn       string `json:"TableArn"`
	SSEDescription *struct {
		Status          string `json:"Status"`
		SSEType         string `json:"SSEType"`
		KMSMasterKeyArn string `json:"KMSMasterKeyArn"`
	} `json:"SSEDescription"`
	ResourcePolicy policyDoc `json:"ResourcePolicy"`
	Tags           []tag     `json:"Tags"`
}

func (t *table) validate() error { return requireARNOf("TableArn", "dynamodb", t.TableArn) }

func decodeTables(file string, data []byte, _ *accountFiles, r *regionFiles) error {
	r.tables = &tablesFile{}
	return decodeObject(file, data, "$", r.tables)
}

func (rc *regionConverter) convertTables() {
	if rc.files.tables == nil {
		return
	}
	for _, t := range rc.files.tables.Tables {
		out := ingest.Table{
			ARN: t.TableArn, Name: t.TableName, Account: arnAccount(t.TableArn), Region: arnRegion(t.TableArn),
			Policy: t.ResourcePolicy.doc, Tags: tagMap(t.Tags),
		}
		if t.SSEDescription != nil {
			out.KMSKey = t.SSEDescription.KMSMasterKeyArn
		}
		rc.est.Tables = append(rc.est.Tables, out)
	}
}
