package synthgraph

import "fmt"

// adder collects the first error of a run of edges.
type adder struct {
	g   *generator
	err error
}

func (ad *adder) add(t technique, from, to int32) {
	if ad.err == nil {
		ad.err = ad.g.edge(t, from, to)
	}
}

// distinct returns the j-th of several distinct picks in [0, n): an offset
// and a stride coprime with n visit every value once.
func distinct(offset, stride, j, n int) int32 {
	return int32((offset + j*stride) % n)
}

// identities: people and workloads assume service roles (fan-in on the
// service roles), service roles assume one another, some deploy Lambda
// code, some functions leak user keys, users mint keys for other users, and
// a few roles can launch an instance with the administrator role.
func (g *generator) identities(i int) error {
	a := &g.accounts[i]
	ad := &adder{g: g}
	const service = roles - workload // 50, stride 7 is coprime with it
	for u := range int32(users) {
		off := g.rng.IntN(service)
		for j := range 4 {
			ad.add(assumeRole, a.user+u, a.role+workload+distinct(off, 7, j, service))
		}
		if u < 20 {
			ad.add(createKey, a.user+u, a.user+(u+1+int32(g.rng.IntN(users-1)))%users)
		}
	}
	for r := range int32(workload) {
		off := g.rng.IntN(service)
		for j := range 2 {
			ad.add(assumeRole, a.role+r, a.role+workload+distinct(off, 7, j, service))
		}
	}
	for r := range int32(service) {
		other := (r + 1 + int32(g.rng.IntN(service-1))) % service
		ad.add(assumeRole, a.role+workload+r, a.role+workload+other)
		if r < 10 {
			ad.add(passRoleToVM, a.role+workload+r, a.role+adminRole)
		}
	}
	for f := range int32(functions) {
		ad.add(updateCode, a.role+workload+f%40, a.function+f)
		if f < 10 {
			ad.add(envKeys, a.function+f, a.user+f)
		}
	}
	return ad.err
}

// data: users read a few buckets; roles read secrets and use keys.
func (g *generator) data(i int) error {
	a := &g.accounts[i]
	ad := &adder{g: g}
	for u := range int32(users) {
		off := g.rng.IntN(buckets)
		for j := range 5 {
			ad.add(s3Read, a.user+u, a.bucket+distinct(off, 7, j, buckets))
		}
	}
	for r := range int32(roles) {
		off := g.rng.IntN(a.secrets)
		for j := range 2 {
			ad.add(secretRead, a.role+r, a.secret+distinct(off, 1, j, a.secrets))
		}
		off = g.rng.IntN(keys)
		for j := range 2 {
			ad.add(kmsDecrypt, a.role+r, a.key+distinct(off, 1, j, keys))
		}
	}
	return ad.err
}

// crossAccount: the organisation's hub roles in the first account assume
// every other account's access role (fan-out), and each account's service
// roles trust workload roles of the next three accounts (fan-in).
func (g *generator) crossAccount(i int) error {
	a := &g.accounts[i]
	ad := &adder{g: g}
	hub := &g.accounts[0]
	if i > 0 {
		for r := int32(orgRole + 1); r < roles; r++ {
			ad.add(assumeRole, hub.role+r, a.role+orgRole)
		}
	}
	for j := 1; j <= 3; j++ {
		from := &g.accounts[(i+j)%len(g.accounts)]
		ad.add(assumeRole, from.role+int32(g.rng.IntN(workload)), a.role+workload+int32(g.rng.IntN(40)))
	}
	return ad.err
}

// fillReads spends the rest of the edge budget on role → bucket reads, the
// bulk of a real estate's edges, spread evenly over every role.
func (g *generator) fillReads(total int) error {
	left := total - g.edges
	allRoles := len(g.accounts) * roles
	if left < 0 || left > allRoles*buckets {
		return fmt.Errorf("synthgraph: %d edges asked, the structure needs %d and roles can read at most %d more", total, g.edges, allRoles*buckets)
	}
	ad := &adder{g: g}
	for i := range g.accounts {
		a := &g.accounts[i]
		for r := range roles {
			n := left / allRoles
			if i*roles+r < left%allRoles {
				n++
			}
			off := g.rng.IntN(buckets)
			for j := range n {
				ad.add(s3Read, a.role+int32(r), a.bucket+distinct(off, 7, j, buckets))
			}
		}
	}
	return ad.err
}
