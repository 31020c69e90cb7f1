package ingest

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/pathfinder-sec/pathfinder/iam/awsmanaged"
)

// ResolveAWSManaged supplies, from the built-in catalogue, the document of
// every AWS managed policy that a user, group or role references (attached,
// or as its permissions boundary) but that ManagedPolicies does not hold
// with a document. Snapshots normally carry these documents; hand-written
// scenarios and partial dumps do not.
//
// A referenced AWS managed policy that the catalogue lacks too is reported
// in Warnings, because every permission it grants goes unanalysed. Calling
// ResolveAWSManaged again changes nothing. It fails only if the embedded
// catalogue is corrupt.
func (e *Estate) ResolveAWSManaged() error {
	if err := awsmanaged.Err(); err != nil {
		return fmt.Errorf("resolve AWS managed policies: %w", err)
	}
	held := map[string]int{}
	for i, p := range e.ManagedPolicies {
		held[p.ARN] = i
	}
	for _, ref := range e.awsManagedReferences() {
		i, ok := held[ref.policy]
		if ok && e.ManagedPolicies[i].Document() != nil {
			continue
		}
		entry, found := awsmanaged.Lookup(ref.policy)
		switch {
		case !found:
			e.addWarning(ref.missingWarning())
		case ok:
			e.ManagedPolicies[i] = fromCatalogue(entry)
		default:
			held[ref.policy] = len(e.ManagedPolicies)
			e.ManagedPolicies = append(e.ManagedPolicies, fromCatalogue(entry))
		}
	}
	slices.SortStableFunc(e.ManagedPolicies, func(a, b ManagedPolicy) int { return cmp.Compare(a.ARN, b.ARN) })
	return nil
}

func fromCatalogue(entry awsmanaged.Entry) ManagedPolicy {
	return ManagedPolicy{
		ARN:            entry.ARN,
		Name:           entry.Name,
		DefaultVersion: entry.Version,
		Versions:       []PolicyVersion{{ID: entry.Version, Default: true, Document: entry.Document}},
		Source:         "built-in catalogue: " + entry.Source,
	}
}

// addWarning appends w unless it is already there, so that resolving
// twice does not repeat a warning.
func (e *Estate) addWarning(w string) {
	if !slices.Contains(e.Warnings, w) {
		e.Warnings = append(e.Warnings, w)
	}
}

// managedReference is one AWS managed policy with the principals that
// reference it.
type managedReference struct {
	policy     string
	attachedTo []string // principal ARNs, sorted
	boundaryOf []string // principal ARNs, sorted
}

// awsManagedReferences lists the AWS managed policies that users, groups
// and roles reference, sorted by policy ARN.
func (e *Estate) awsManagedReferences() []managedReference {
	refs := map[string]*managedReference{}
	get := func(arn string) *managedReference {
		if refs[arn] == nil {
			refs[arn] = &managedReference{policy: arn}
		}
		return refs[arn]
	}
	note := func(holder string, attached []string, boundary string) {
		for _, arn := range attached {
			if awsmanaged.IsAWSManagedARN(arn) {
				get(arn).attachedTo = append(get(arn).attachedTo, holder)
			}
		}
		if awsmanaged.IsAWSManagedARN(boundary) {
			get(boundary).boundaryOf = append(get(boundary).boundaryOf, holder)
		}
	}
	for _, u := range e.Users {
		note(u.ARN, u.AttachedPolicies, u.PermissionsBoundary)
	}
	for _, g := range e.Groups {
		note(g.ARN, g.AttachedPolicies, "")
	}
	for _, r := range e.Roles {
		note(r.ARN, r.AttachedPolicies, r.PermissionsBoundary)
	}
	out := make([]managedReference, 0, len(refs))
	for _, ref := range refs {
		ref.attachedTo = sortedUnique(ref.attachedTo)
		ref.boundaryOf = sortedUnique(ref.boundaryOf)
		out = append(out, *ref)
	}
	slices.SortFunc(out, func(a, b managedReference) int { return cmp.Compare(a.policy, b.policy) })
	return out
}

// missingWarning explains that the policy's permissions are not analysed,
// naming who holds it.
func (r managedReference) missingWarning() string {
	how, holders := "is attached to", r.attachedTo
	if len(holders) == 0 {
		how, holders = "is the permissions boundary of", r.boundaryOf
	}
	return fmt.Sprintf("policy %s %s %s but its document is not in the snapshot nor the built-in catalogue: "+
		"its permissions are not analysed", r.policy, how, describeHolders(holders))
}

// describeHolders names the first holder and counts the rest, keeping a
// warning about a policy attached to hundreds of roles to one line.
func describeHolders(holders []string) string {
	switch len(holders) {
	case 1:
		return holders[0]
	case 2:
		return holders[0] + " and " + holders[1]
	}
	return fmt.Sprintf("%s and %d others", holders[0], len(holders)-1)
}

func sortedUnique(list []string) []string {
	slices.Sort(list)
	return slices.Compact(list)
}
