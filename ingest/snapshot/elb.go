package snapshot

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/pathfinder-sec/pathfinder/ingest"
)

type loadBalancersFile struct {
	LoadBalancers []loadBalancer `json:"LoadBalancers"`
}

type loadBalancer struct {
	LoadBalancerArn   string    `json:"LoadBalancerArn"`
	LoadBalancerName  string    `json:"LoadBalancerName"`
	DNSName           string    `json:"DNSName"`
	CreatedTime       timestamp `json:"CreatedTime"`
	Scheme            string    `json:"Scheme"`
	VpcId             string    `json:"VpcId"`
	Type              string    `json:"Type"`
	AvailabilityZones []struct {
		ZoneName string `json:"ZoneName"`
		SubnetId string `json:"SubnetId"`
	} `json:"AvailabilityZones"`
	SecurityGroups []string `json:"SecurityGroups"`
}

func (lb *loadBalancer) validate() error {
	if err := requireARNOf("LoadBalancerArn", "elasticloadbalancing", lb.LoadBalancerArn); err != nil {
		return err
	}
	return checkEnum(lb.Scheme, "internet-facing", "internal")
}

type listenersFile struct {
	Listeners []listener `json:"Listeners"`
}

type listener struct {
	ListenerArn     string   `json:"ListenerArn"`
	LoadBalancerArn string   `json:"LoadBalancerArn"`
	Port            int      `json:"Port"`
	Protocol        string   `json:"Protocol"`
	DefaultActions  []action `json:"DefaultActions"`
}

func (l *listener) validate() error {
	return requireARNOf("LoadBalancerArn", "elasticloadbalancing", l.LoadBalancerArn)
}

// action is a listener action; forward actions name their target groups
// in TargetGroupArn, in ForwardConfig, or both.
type action struct {
	Type           string `json:"Type"`
	TargetGroupArn string `json:"TargetGroupArn"`
	ForwardConfig  *struct {
		TargetGroups []struct {
			TargetGroupArn string `json:"TargetGroupArn"`
			Weight         *int   `json:"Weight"`
		} `json:"TargetGroups"`
	} `json:"ForwardConfig"`
}

type targetGroupsFile struct {
	TargetGroups []targetGroup `json:"TargetGroups"`
}

type targetGroup struct {
	TargetGroupArn   string   `json:"TargetGroupArn"`
	TargetGroupName  string   `json:"TargetGroupName"`
	Protocol         string   `json:"Protocol"`
	Port             int      `json:"Port"`
	VpcId            string   `json:"VpcId"`
	TargetType       string   `json:"TargetType"`
	LoadBalancerArns []string `json:"LoadBalancerArns"`
}

func (t *targetGroup) validate() error {
	return requireARNOf("TargetGroupArn", "elasticloadbalancing", t.TargetGroupArn)
}

// targetHealthFile is `aws elbv2 describe-target-health` for one group.
type targetHealthFile struct {
	TargetHealthDescriptions []struct {
		Target struct {
			Id               string `json:"Id"`
			Port             int    `json:"Port"`
			AvailabilityZone string `json:"AvailabilityZone"`
		} `json:"Target"`
		HealthCheckPort string `json:"HealthCheckPort"`
		TargetHealth    *struct {
			State  string `json:"State"`
			Reason string `json:"Reason"`
		} `json:"TargetHealth"`
	} `json:"TargetHealthDescriptions"`
}

func requireARNOf(field, service, arn string) error {
	if arn == "" {
		return fmt.Errorf("%s is missing", field)
	}
	if p, ok := parseARN(arn); !ok || p.Service != service {
		return fmt.Errorf("%s %q is not an %s ARN", field, arn, service)
	}
	return nil
}

func decodeLoadBalancers(file string, data []byte, _ *accountFiles, r *regionFiles) error {
	r.loadBalancers = &loadBalancersFile{}
	return decodeObject(file, data, "$", r.loadBalancers)
}

func decodeListeners(file string, data []byte, _ *accountFiles, r *regionFiles) error {
	r.listeners = &listenersFile{}
	return decodeObject(file, data, "$", r.listeners)
}

func decodeTargetGroups(file string, data []byte, _ *accountFiles, r *regionFiles) error {
	r.targetGroups = &targetGroupsFile{}
	return decodeObject(file, data, "$", r.targetGroups)
}

func checkTargetGroupARN(key string) error {
	if p, ok := parseARN(key); !ok || !strings.HasPrefix(p.Resource, "targetgroup/") {
		return fmt.Errorf("key %q is not a target group ARN", key)
	}
	return nil
}

func decodeTargetHealth(file string, data []byte, _ *accountFiles, r *regionFiles) error {
	r.targetHealth = map[string]targetHealthFile{}
	return decodeKeyed(file, data, checkTargetGroupARN, func(key, path string, raw json.RawMessage) error {
		var h targetHealthFile
		if err := decodeObject(file, raw, path, &h); err != nil {
			return err
		}
		r.targetHealth[key] = h
		return nil
	})
}

func (rc *regionConverter) convertLoadBalancers() {
	if rc.files.loadBalancers == nil {
		return
	}
	for _, lb := range rc.files.loadBalancers.LoadBalancers {
		out := ingest.LoadBalancer{
			ARN: lb.LoadBalancerArn, Name: lb.LoadBalancerName, Account: arnAccount(lb.LoadBalancerArn),
			Region: arnRegion(lb.LoadBalancerArn), VPC: lb.VpcId, Type: lb.Type, Scheme: lb.Scheme,
			DNSName: lb.DNSName, SecurityGroups: lb.SecurityGroups,
		}
		for _, az := range lb.AvailabilityZones {
			out.Subnets = appendUnique(out.Subnets, az.SubnetId)
		}
		rc.est.LoadBalancers = append(rc.est.LoadBalancers, out)
	}
}

func (rc *regionConverter) convertTargetGroups() {
	if rc.files.targetGroups == nil {
		return
	}
	for _, tg := range rc.files.targetGroups.TargetGroups {
		rc.est.TargetGroups = append(rc.est.TargetGroups, ingest.TargetGroup{
			ARN: tg.TargetGroupArn, Name: tg.TargetGroupName, Account: arnAccount(tg.TargetGroupArn),
			Region: arnRegion(tg.TargetGroupArn), VPC: tg.VpcId, Protocol: tg.Protocol, Port: tg.Port,
			TargetType: tg.TargetType,
		})
	}
}

// forwardTargets lists the target groups a listener's default actions
// forward to.
func forwardTargets(actions []action) []string {
	var out []string
	for _, a := range actions {
		if a.Type != "forward" {
			continue
		}
		out = appendUnique(out, a.TargetGroupArn)
		if a.ForwardConfig != nil {
			for _, tg := range a.ForwardConfig.TargetGroups {
				if tg.Weight == nil || *tg.Weight > 0 {
					out = appendUnique(out, tg.TargetGroupArn)
				}
			}
		}
	}
	return out
}
