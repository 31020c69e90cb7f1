// Package svg lays out DOT graphs as SVG through goccy/go-graphviz, which
// runs graphviz compiled to WebAssembly (no cgo). It is a package of its own
// because loading go-graphviz compiles its WebAssembly module, which costs
// start-up time: only code that draws should import it.
package svg
