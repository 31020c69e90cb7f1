// Package ipset holds sets of IP addresses as sorted ranges, with the set
// operations that network reachability needs: union, intersection and
// difference of CIDR blocks, for IPv4 and IPv6 alike.
package ipset
