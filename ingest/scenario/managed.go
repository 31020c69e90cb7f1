package scenario

import (
	"regexp"
	"slices"
	"strings"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

// maxPolicyVersions is AWS's limit on the versions a managed policy keeps.
const maxPolicyVersions = 5

var (
	versionPattern    = regexp.MustCompile(`^v[1-9][0-9]*$`)
	awsManagedPattern = regexp.MustCompile(`^[\w+=,.@/-]+$`)
)

func (d *decoder) managedPolicy(acct *acctCtx, v value) {
	o := v.object("name", "path", "document", "versions", "default_version")
	namev := o.need("name")
	name, path := namev.iamName(), o.get("path").iamPath()
	p := &ingest.ManagedPolicy{ARN: iamARN(acct.id, "policy/", strings.TrimPrefix(path, "/"), name), Name: name}
	o.exclusive("document", "versions")
	switch {
	case o.has("versions"):
		p.Versions = policyVersions(o.get("versions"))
	case o.has("document"):
		p.Versions = []ingest.PolicyVersion{{ID: "v1", Document: o.get("document").document()}}
	default:
		o.need("document")
	}
	p.DefaultVersion = defaultVersion(o.get("default_version"), p.Versions)
	if !d.declare(namev, "managed policy", scoped(acct.id, name)) {
		return
	}
	d.ix.policies[scoped(acct.id, name)] = p
}

func policyVersions(v value) []ingest.PolicyVersion {
	var out []ingest.PolicyVersion
	v.each(func(item value) {
		o := item.object("id", "document", "default")
		ver := ingest.PolicyVersion{ID: o.get("id").str(), Default: o.get("default").boolean(false)}
		if ver.ID == "" {
			ver.ID = "v" + itoa(len(out)+1)
		} else if !versionPattern.MatchString(ver.ID) {
			o.get("id").failf("invalid version id %q: expected v1, v2, ...", ver.ID)
		}
		for _, prev := range out {
			if prev.ID == ver.ID {
				o.get("id").failf("duplicate version id %q", ver.ID)
			}
		}
		ver.Document = o.need("document").document()
		out = append(out, ver)
	})
	if len(out) == 0 && v.d.err == nil {
		v.failf("a managed policy needs at least one version")
	}
	if len(out) > maxPolicyVersions {
		v.failf("a managed policy keeps at most %d versions, got %d", maxPolicyVersions, len(out))
	}
	return out
}

// defaultVersion marks the default version: the one named by
// default_version or marked default, else the first (AWS makes the first
// version the default until another is set).
func defaultVersion(named value, versions []ingest.PolicyVersion) string {
	chosen := named.str()
	for _, ver := range versions {
		if !ver.Default {
			continue
		}
		if chosen != "" && chosen != ver.ID {
			named.failf("default version is both %s and %s", chosen, ver.ID)
			return ""
		}
		chosen = ver.ID
	}
	if chosen == "" && len(versions) > 0 {
		chosen = versions[0].ID
	}
	found := false
	for i := range versions {
		versions[i].Default = versions[i].ID == chosen
		found = found || versions[i].Default
	}
	if !found && len(versions) > 0 {
		named.failf("unknown policy version %q", chosen)
	}
	return chosen
}

// policyRef resolves a managed policy reference: a customer managed policy
// of the account by name or by ARN, else an AWS managed policy by name,
// path/name or ARN. AWS managed documents are resolved later from the
// built-in catalogue (ingest's ResolveAWSManaged).
func (d *decoder) policyRef(acct *acctCtx, v value) string {
	ref := v.str()
	switch {
	case strings.HasPrefix(ref, "arn:aws:iam::aws:policy/"):
		return ref
	case strings.HasPrefix(ref, "arn:"):
		for _, p := range d.ix.policies {
			if p.ARN == ref {
				return ref
			}
		}
		v.failf("unknown managed policy %q", ref)
		return ""
	}
	if p, ok := d.ix.policies[scoped(acct.id, ref)]; ok {
		return p.ARN
	}
	if !awsManagedPattern.MatchString(ref) {
		v.failf("invalid managed policy name %q", ref)
		return ""
	}
	return awsManagedARN(ref)
}

// attach resolves a list of managed policy references into dst once
// every policy is declared.
func (d *decoder) attach(acct *acctCtx, v value, dst *[]string) {
	for _, item := range v.items() {
		d.then(func() {
			if arn := d.policyRef(acct, item); arn != "" && !slices.Contains(*dst, arn) {
				*dst = append(*dst, arn)
			}
		})
	}
}

// boundary resolves a permissions boundary reference into dst.
func (d *decoder) boundary(acct *acctCtx, v value, dst *string) {
	if v.scalar() {
		d.then(func() { *dst = d.policyRef(acct, v) })
	}
}

// inlinePolicies reads a mapping of policy name to document.
func inlinePolicies(v value) []ingest.InlinePolicy {
	var out []ingest.InlinePolicy
	v.entries(func(name string, doc value) {
		if !iamNamePattern.MatchString(name) {
			doc.failf("invalid policy name %q", name)
			return
		}
		if doc.absent() {
			doc.failf("missing policy document")
			return
		}
		out = append(out, ingest.InlinePolicy{Name: name, Document: doc.document()})
	})
	return out
}
