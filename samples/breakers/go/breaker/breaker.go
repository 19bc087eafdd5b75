// Package breaker is the beginner circuit breaker: it opens after a number of consecutive
// failures and lets one probe through once a reset timeout has passed. Time is logical (seconds
// passed in by the caller), so the same scenario file drives every language's version.
package breaker

import (
	"fmt"
	"math"
	"sync"
)

// State is the breaker's state.
type State int

const (
	Closed State = iota
	Open
	HalfOpen
)

func (s State) String() string {
	switch s {
	case Closed:
		return "closed"
	case Open:
		return "open"
	case HalfOpen:
		return "half-open"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

// Breaker is safe for concurrent use: every field is read and written under mu.
type Breaker struct {
	failureThreshold int
	resetTimeout     float64

	mu       sync.Mutex
	state    State // Closed or Open; HalfOpen only while a probe is in flight
	failures int
	openedAt float64
}

// New returns a closed breaker. failureThreshold must be at least 1 and resetTimeout a finite
// number of seconds greater than 0.
func New(failureThreshold int, resetTimeout float64) (*Breaker, error) {
	if failureThreshold < 1 {
		return nil, fmt.Errorf("failureThreshold must be a whole number >= 1; got %d", failureThreshold)
	}
	if !(resetTimeout > 0) || math.IsInf(resetTimeout, 1) {
		return nil, fmt.Errorf("resetTimeout must be a finite number of seconds > 0; got %v", resetTimeout)
	}
	return &Breaker{failureThreshold: failureThreshold, resetTimeout: resetTimeout}, nil
}

// Allow reports whether a call at time now may go through. When an open breaker's timeout has
// passed, the first caller becomes the probe (the state is then HalfOpen until Record); every
// other caller is rejected until the probe's outcome is recorded.
func (b *Breaker) Allow(now float64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch b.state {
	case Closed:
		return true
	case Open:
		if now-b.openedAt >= b.resetTimeout {
			b.state = HalfOpen
			return true
		}
	}
	return false
}

// Record records the outcome of a call that Allow let through. An outcome that arrives while
// the breaker is open (a call admitted before it opened) changes nothing.
func (b *Breaker) Record(now float64, success bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch b.state {
	case Closed:
		if success {
			b.failures = 0
		} else if b.failures++; b.failures >= b.failureThreshold {
			b.open(now)
		}
	case HalfOpen:
		if success {
			b.state = Closed
			b.failures = 0
		} else {
			b.open(now)
		}
	}
}

func (b *Breaker) open(now float64) {
	b.state = Open
	b.openedAt = now
	b.failures = 0
}

// StateAt returns the state read at time now without changing it: an open breaker whose
// timeout has passed reads as HalfOpen.
func (b *Breaker) StateAt(now float64) State {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.state == Open && now-b.openedAt >= b.resetTimeout {
		return HalfOpen
	}
	return b.state
}

// ErrOpen is returned by Execute when the breaker rejects a call.
var ErrOpen = fmt.Errorf("circuit breaker is open")

// Execute calls fn if the breaker allows it and records its outcome (a nil error is a success).
func (b *Breaker) Execute(now float64, fn func() error) error {
	if !b.Allow(now) {
		return ErrOpen
	}
	err := fn()
	b.Record(now, err == nil)
	return err
}
