package iam

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// simulationRequest is the JSON request of `pathfinder simulate --request`
// (design/SIMULATE.md). Policies stay raw so errors can name them.
type simulationRequest struct {
	PrincipalARN       string                     `json:"principal_arn"`
	Action             string                     `json:"action"`
	Resource           string                     `json:"resource"`
	ResourceOwner      string                     `json:"resource_owner"`
	Context            map[string]json.RawMessage `json:"context"`
	Unknown            []string                   `json:"unknown"`
	IdentityPolicies   []json.RawMessage          `json:"identity_policies"`
	ResourcePolicy     json.RawMessage            `json:"resource_policy"`
	PermissionBoundary json.RawMessage            `json:"permission_boundary"`
	SessionPolicy      json.RawMessage            `json:"session_policy"`
	SCPs               [][]json.RawMessage        `json:"scps"`
	RCPs               [][]json.RawMessage        `json:"rcps"`
}

// DecodeSimulation reads a simulation request. Policies are named for
// citation by where they sit: "identity_policies[0]", "resource_policy",
// "permission_boundary", "session_policy", "scps[1][0]", "rcps[0][0]".
// The resource kind follows from the request: sts:AssumeRole* on a role
// is a role trust, any action on a KMS key is a key policy. The principal
// kind follows from its ARN; a principal_arn that is a service name
// (ec2.amazonaws.com) is a service principal.
func DecodeSimulation(r io.Reader) (Request, PolicySet, error) {
	var in simulationRequest
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return Request{}, PolicySet{}, fmt.Errorf("simulation request: %w", err)
	}
	req, err := in.request()
	if err != nil {
		return Request{}, PolicySet{}, fmt.Errorf("simulation request: %w", err)
	}
	set, err := in.policySet()
	if err != nil {
		return Request{}, PolicySet{}, fmt.Errorf("simulation request: %w", err)
	}
	set.ResourceKind = resourceKindOf(req.Action, req.Resource)
	return req, set, nil
}

func (in *simulationRequest) request() (Request, error) {
	required := []struct{ field, value string }{
		{"principal_arn", in.PrincipalARN}, {"action", in.Action}, {"resource", in.Resource},
	}
	for _, r := range required {
		if r.value == "" {
			return Request{}, fmt.Errorf("%s is required", r.field)
		}
	}
	req := Request{Principal: principalFromARN(in.PrincipalARN), Action: in.Action, Resource: in.Resource,
		ResourceOwner: in.ResourceOwner, Unknown: in.Unknown}
	ctx, err := decodeContext(in.Context)
	if err != nil {
		return Request{}, err
	}
	req.Context = ctx
	return req, nil
}

func principalFromARN(arn string) Principal {
	if !strings.HasPrefix(arn, "arn:") && strings.HasSuffix(arn, ".amazonaws.com") {
		return Principal{Service: arn}
	}
	return Principal{ARN: arn}
}

// decodeContext reads context values: a string, or a list of strings for a
// multivalued key.
func decodeContext(raw map[string]json.RawMessage) (map[string][]string, error) {
	if raw == nil {
		return nil, nil
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make(map[string][]string, len(raw))
	for _, k := range keys {
		v := bytes.TrimSpace(raw[k])
		var one string
		if err := json.Unmarshal(v, &one); err == nil {
			out[k] = []string{one}
			continue
		}
		var many []string
		if err := json.Unmarshal(v, &many); err != nil || bytes.Equal(v, []byte("null")) {
			return nil, fmt.Errorf("context[%q]: value must be a string or a list of strings", k)
		}
		out[k] = many
	}
	return out, nil
}

func (in *simulationRequest) policySet() (PolicySet, error) {
	var set PolicySet
	var err error
	for i, raw := range in.IdentityPolicies {
		a, err := attach(fmt.Sprintf("identity_policies[%d]", i), IdentityPolicy, raw)
		if err != nil {
			return set, err
		}
		set.Identity = append(set.Identity, *a)
	}
	if set.Resource, err = attach("resource_policy", ResourcePolicy, in.ResourcePolicy); err != nil {
		return set, err
	}
	if set.Boundary, err = attach("permission_boundary", BoundaryPolicy, in.PermissionBoundary); err != nil {
		return set, err
	}
	if set.Session, err = attach("session_policy", SessionPolicy, in.SessionPolicy); err != nil {
		return set, err
	}
	if set.SCPs, err = attachLevels("scps", SCPPolicy, in.SCPs); err != nil {
		return set, err
	}
	set.RCPs, err = attachLevels("rcps", RCPPolicy, in.RCPs)
	return set, err
}

// attach parses one policy; an absent or null policy is nil.
func attach(name string, typ PolicyType, raw json.RawMessage) (*Attached, error) {
	if len(bytes.TrimSpace(raw)) == 0 || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		if typ == IdentityPolicy || typ == SCPPolicy || typ == RCPPolicy {
			return nil, fmt.Errorf("%s: policy is null", name)
		}
		return nil, nil
	}
	p, err := Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := p.Compile(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &Attached{Name: name, Type: typ, Policy: p}, nil
}

func attachLevels(field string, typ PolicyType, levels [][]json.RawMessage) ([][]Attached, error) {
	var out [][]Attached
	for i, level := range levels {
		list := []Attached{}
		for j, raw := range level {
			a, err := attach(fmt.Sprintf("%s[%d][%d]", field, i, j), typ, raw)
			if err != nil {
				return nil, err
			}
			list = append(list, *a)
		}
		out = append(out, list)
	}
	return out, nil
}

// resourceKindOf picks the documented exception that applies to a request.
func resourceKindOf(action, resource string) ResourceKind {
	a, ok := parseARN(resource)
	switch {
	case !ok:
		return GenericResource
	case a.service == "iam" && strings.HasPrefix(a.resource, "role/") &&
		strings.HasPrefix(strings.ToLower(action), "sts:assumerole"):
		return RoleTrust
	case a.service == "kms" && strings.HasPrefix(a.resource, "key/"):
		return KMSKey
	}
	return GenericResource
}

// SimulationAnswer is the JSON answer of `pathfinder simulate --format
// json`: both lists are always present, empty when there is nothing to
// cite.
type SimulationAnswer struct {
	Decision   Outcome        `json:"decision"`
	Reason     string         `json:"reason"`
	Statements []StatementRef `json:"statements"`
	Conditions []ConditionRef `json:"conditions"`
}

// NewSimulationAnswer shapes a decision as the simulate answer.
func NewSimulationAnswer(d Decision) SimulationAnswer {
	a := SimulationAnswer{Decision: d.Outcome, Reason: d.Reason, Statements: d.Statements, Conditions: d.Conditions}
	if a.Statements == nil {
		a.Statements = []StatementRef{}
	}
	if a.Conditions == nil {
		a.Conditions = []ConditionRef{}
	}
	return a
}
