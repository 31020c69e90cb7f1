package snapshot

import (
	"github.com/pathfinder-sec/pathfinder/ingest"
)

type databasesFile struct {
	DBInstances []dbInstance `json:"DBInstances"`
}

type dbInstance struct {
	DBInstanceIdentifier string `json:"DBInstanceIdentifier"`
	DBInstanceArn        string `json:"DBInstanceArn"`
	Engine               string `json:"Engine"`
	Endpoint             *struct {
		Address string `json:"Address"`
		Port    int    `json:"Port"`
	} `json:"Endpoint"`
	DbInstancePort                   int    `json:"DbInstancePort"`
	PubliclyAccessible               bool   `json:"PubliclyAccessible"`
	IAMDatabaseAuthenticationEnabled bool   `json:"IAMDatabaseAuthenticationEnabled"`
	DbiResourceId                    string `json:"DbiResourceId"`
	DBSubnetGroup                    *struct {
		VpcId   string `json:"VpcId"`
		Subnets []struct {
			SubnetIdentifier string `json:"SubnetIdentifier"`
		} `json:"Subnets"`
	} `json:"DBSubnetGroup"`
	VpcSecurityGroups []struct {
		VpcSecurityGroupId string `json:"VpcSecurityGroupId"`
		Status             string `json:"Status"`
	} `json:"VpcSecurityGroups"`
	KmsKeyId string `json:"KmsKeyId"`
	TagList  []tag  `json:"TagList"`
}

func (d *dbInstance) validate() error { return requireARNOf("DBInstanceArn", "rds", d.DBInstanceArn) }

func decodeDatabases(file string, data []byte, _ *accountFiles, r *regionFiles) error {
	r.databases = &databasesFile{}
	return decodeObject(file, data, "$", r.databases)
}

func (rc *regionConverter) convertDatabases() {
	if rc.files.databases == nil {
		return
	}
	for _, d := range rc.files.databases.DBInstances {
		out := ingest.Database{
			ARN: d.DBInstanceArn, ID: d.DBInstanceIdentifier, Account: arnAccount(d.DBInstanceArn),
			Region: arnRegion(d.DBInstanceArn), Engine: d.Engine, Port: d.DbInstancePort,
			PubliclyAccessible: d.PubliclyAccessible, IAMAuth: d.IAMDatabaseAuthenticationEnabled,
			ResourceID: d.DbiResourceId, KMSKey: d.KmsKeyId, Tags: tagMap(d.TagList),
		}
		if d.Endpoint != nil && d.Endpoint.Port != 0 {
			out.Port = d.Endpoint.Port
		}
		if g := d.DBSubnetGroup; g != nil {
			out.VPC = g.VpcId
			for _, s := range g.Subnets {
				out.Subnets = appendUnique(out.Subnets, s.SubnetIdentifier)
			}
		}
		for _, g := range d.VpcSecurityGroups {
			out.SecurityGroups = appendUnique(out.SecurityGroups, g.VpcSecurityGroupId)
		}
		rc.est.Databases = append(rc.est.Databases, out)
	}
}
