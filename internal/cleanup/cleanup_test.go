package cleanup

import "testing"

func TestCleanup(t *testing.T) {
	ran := map[string]int{}
	forget := Add(func() { ran["forgotten"]++ })
	Add(func() { ran["kept"]++ })
	forget()
	Run()
	Run()
	if ran["kept"] != 1 || ran["forgotten"] != 0 {
		t.Errorf("ran %v", ran)
	}
	Add(func() { ran["late"]++ })
	if ran["late"] != 1 {
		t.Error("a task added after Run did not run at once")
	}
	mu.Lock()
	done, tasks = false, map[int]func(){}
	mu.Unlock()
}
