// Package seed is the seed plan's Go breaker (section 2.1), kept as written except for ErrCircuitOpen,
// which the seed uses but never declares. Its bug: beforeCall reads cb.lastFailureTime after
// releasing the lock, while afterCall writes it under the lock — a data race that `go test -race
// -tags seedrace ./seed` reports. It also lets every caller through while half-open. Package
// breaker is the fixed version; do not use this one.
package seed

import (
	"errors"
	"sync"
	"time"
)

var ErrCircuitOpen = errors.New("circuit breaker is open")

type State int

const (
	StateClosed State = iota
	StateOpen
	StateHalfOpen
)

type CircuitBreaker struct {
	name         string
	maxFailures  uint32
	resetTimeout time.Duration

	state           State
	failures        uint32
	lastFailureTime time.Time

	mutex sync.RWMutex
}

func NewCircuitBreaker(name string, maxFailures uint32, resetTimeout time.Duration) *CircuitBreaker {
	return &CircuitBreaker{
		name:         name,
		maxFailures:  maxFailures,
		resetTimeout: resetTimeout,
		state:        StateClosed,
	}
}

func (cb *CircuitBreaker) Execute(fn func() error) error {
	if err := cb.beforeCall(); err != nil {
		return err
	}

	err := fn()
	cb.afterCall(err)
	return err
}

func (cb *CircuitBreaker) beforeCall() error {
	cb.mutex.RLock()
	state := cb.state
	cb.mutex.RUnlock()

	if state == StateOpen {
		if time.Since(cb.lastFailureTime) > cb.resetTimeout { // the race: read without the lock
			cb.mutex.Lock()
			if cb.state == StateOpen {
				cb.state = StateHalfOpen
				cb.failures = 0
			}
			cb.mutex.Unlock()
		} else {
			return ErrCircuitOpen
		}
	}

	return nil
}

func (cb *CircuitBreaker) afterCall(err error) {
	cb.mutex.Lock()
	defer cb.mutex.Unlock()

	if err != nil {
		cb.failures++
		cb.lastFailureTime = time.Now()

		if cb.state == StateHalfOpen {
			cb.state = StateOpen
		} else if cb.failures >= cb.maxFailures {
			cb.state = StateOpen
		}
	} else {
		if cb.state == StateHalfOpen {
			cb.state = StateClosed
		}
		cb.failures = 0
	}
}
