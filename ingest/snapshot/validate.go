package snapshot

import (
	"reflect"
	"sort"
	"strings"
	"sync"
)

// validator is implemented (on a pointer receiver) by wire types whose
// values need more than a type check: timestamps, enumerations, policy
// documents. validate walks a decoded file and calls each one, so that an
// error can name the JSON path of the value.
type validator interface {
	validate() error
}

type validationError struct {
	path string
	err  error
}

func (e *validationError) Error() string { return e.path + ": " + e.err.Error() }

var validatorType = reflect.TypeFor[validator]()

// validate runs every validator reachable from v (a pointer), depth first
// in document order. The path is kept as a stack of segments and only
// rendered for an error: building strings for every value would cost more
// than the checks.
func validate(v reflect.Value, root string) error {
	if !needsWalk(v.Type()) {
		return nil
	}
	w := &walker{root: root}
	return w.walk(v)
}

type segment struct {
	key   string
	index int // used when key is empty
}

type walker struct {
	root string
	path []segment
}

func (w *walker) fail(err error) error {
	p := w.root
	for _, s := range w.path {
		if s.key != "" {
			p = childPath(p, s.key)
		} else {
			p = indexPath(p, s.index)
		}
	}
	return &validationError{path: p, err: err}
}

func (w *walker) walk(v reflect.Value) error {
	if v.Kind() != reflect.Pointer && v.CanAddr() && v.Addr().Type().Implements(validatorType) {
		if err := v.Addr().Interface().(validator).validate(); err != nil {
			return w.fail(err)
		}
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			return w.walk(v.Elem())
		}
	case reflect.Struct:
		return w.walkStruct(v)
	case reflect.Slice:
		if !needsWalk(v.Type().Elem()) {
			return nil
		}
		for i := 0; i < v.Len(); i++ {
			if err := w.child(segment{index: i}, v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		return w.walkMap(v)
	}
	return nil
}

func (w *walker) child(s segment, v reflect.Value) error {
	w.path = append(w.path, s)
	err := w.walk(v)
	w.path = w.path[:len(w.path)-1]
	return err
}

func (w *walker) walkStruct(v reflect.Value) error {
	for _, f := range structPlan(v.Type()) {
		if err := w.child(segment{key: f.name}, v.Field(f.index)); err != nil {
			return err
		}
	}
	return nil
}

// walkMap visits map values in key order; values are copied into an
// addressable variable so that pointer-receiver validators run.
func (w *walker) walkMap(v reflect.Value) error {
	if !needsWalk(v.Type().Elem()) {
		return nil
	}
	keys := v.MapKeys()
	sortValues(keys)
	for _, k := range keys {
		elem := reflect.New(v.Type().Elem()).Elem()
		elem.Set(v.MapIndex(k))
		if err := w.child(segment{key: k.String()}, elem); err != nil {
			return err
		}
		v.SetMapIndex(k, elem)
	}
	return nil
}

func sortValues(keys []reflect.Value) {
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "" {
		return f.Name
	}
	return name
}

// walkField is a struct field that holds a validator somewhere.
type walkField struct {
	index int
	name  string
}

var plans sync.Map // reflect.Type -> []walkField

func structPlan(t reflect.Type) []walkField {
	if p, ok := plans.Load(t); ok {
		return p.([]walkField)
	}
	var plan []walkField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.IsExported() && needsWalk(f.Type) {
			plan = append(plan, walkField{index: i, name: jsonName(f)})
		}
	}
	plans.Store(t, plan)
	return plan
}

var (
	walkMu    sync.Mutex
	walkCache = map[reflect.Type]bool{}
)

// needsWalk reports whether a type holds a validator anywhere, so that the
// walk skips the large parts of a file that need no check.
func needsWalk(t reflect.Type) bool {
	walkMu.Lock()
	defer walkMu.Unlock()
	return needsWalkLocked(t, map[reflect.Type]bool{})
}

func needsWalkLocked(t reflect.Type, visiting map[reflect.Type]bool) bool {
	if need, ok := walkCache[t]; ok {
		return need
	}
	if visiting[t] {
		return false // a recursive type: decided by its other fields
	}
	visiting[t] = true
	need := reflect.PointerTo(t).Implements(validatorType)
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		need = need || needsWalkLocked(t.Elem(), visiting)
	case reflect.Struct:
		for i := 0; i < t.NumField() && !need; i++ {
			need = t.Field(i).IsExported() && needsWalkLocked(t.Field(i).Type, visiting)
		}
	}
	walkCache[t] = need
	return need
}
