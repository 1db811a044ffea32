// Package cleanup keeps what a run must undo when it is stopped before it
// ends — temporary files to remove, child processes to kill — so that an
// interrupt (Ctrl-C, a service stopped) leaves nothing behind.
package cleanup

import "sync"

var (
	mu    sync.Mutex
	next  int
	tasks = map[int]func(){}
	done  bool
)

// Add keeps fn to run if the run is stopped, and returns the function
// that forgets it, to call once fn's work is done or undone otherwise.
// After Run, Add runs fn at once: the run is ending.
func Add(fn func()) (forget func()) {
	mu.Lock()
	if done {
		mu.Unlock()
		fn()
		return func() {}
	}
	id := next
	next++
	tasks[id] = fn
	mu.Unlock()
	return func() {
		mu.Lock()
		delete(tasks, id)
		mu.Unlock()
	}
}

// Run runs every task kept, once.
func Run() {
	mu.Lock()
	done = true
	todo := tasks
	tasks = map[int]func(){}
	mu.Unlock()
	for _, fn := range todo {
		fn()
	}
}
