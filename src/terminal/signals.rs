//! Signals that end, stop or continue the explorer, handled on a thread of their own: the terminal is
//! given back before the process ends or stops, and taken again (and drawn whole) when it continues,
//! whatever the event loop is doing at the time.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, TryLockError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use signal_hook::consts::signal::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGPROF, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2, SIGVTALRM,
    SIGXCPU, SIGXFSZ,
};
use signal_hook::iterator::{Handle, Signals};

/// The signals whose default action ends the process. SIGPIPE is not among them: Rust ignores it, so
/// a closed pipe is an error on a write instead.
const ENDING: [i32; 11] = [
    SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
];

/// How long the event loop has to leave on its own after an ending signal before the signal thread
/// gives the terminal back itself and exits (crossterm's reader can hang on a terminal that is gone).
const GRACE: Duration = Duration::from_millis(500);

/// What the signal thread and the event loop share.
#[derive(Default)]
struct Shared {
    /// The ending signal received, or 0.
    ending: AtomicI32,
    /// The terminal was taken again after a stop: what is on it is unknown, so draw it whole.
    redraw: AtomicBool,
    /// Held by whoever writes to the terminal: the event loop while it draws, the signal thread while it
    /// gives the terminal back or takes it again.
    screen: Mutex<()>,
}

/// The running signal thread.
pub struct Watch {
    shared: Arc<Shared>,
    handle: Handle,
    thread: Option<JoinHandle<()>>,
}

impl Watch {
    /// Starts handling signals; `give_back` restores the terminal, `take` takes it again after a stop.
    pub fn start(give_back: fn(), take: fn()) -> std::io::Result<Watch> {
        let mut signals = Signals::new(ENDING.iter().chain(&[SIGTSTP, SIGCONT]))?;
        let handle = signals.handle();
        let shared = Arc::new(Shared::default());
        let on_thread = Arc::clone(&shared);
        let closed = handle.clone();
        let thread = thread::Builder::new().name("signals".to_owned()).spawn(move || {
            for signal in signals.forever() {
                on_thread.handle(signal, &closed, give_back, take);
            }
        })?;
        Ok(Watch {
            shared,
            handle,
            thread: Some(thread),
        })
    }

    /// The ending signal received, if any: the event loop must leave.
    pub fn ending(&self) -> Option<i32> {
        match self.shared.ending.load(Ordering::SeqCst) {
            0 => None,
            n => Some(n),
        }
    }

    /// Whether the terminal must be drawn whole; asking clears it.
    pub fn take_redraw(&self) -> bool {
        self.shared.redraw.swap(false, Ordering::SeqCst)
    }

    /// The right to write to the terminal, until the guard is dropped.
    pub fn screen(&self) -> MutexGuard<'_, ()> {
        self.shared.screen.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Watch {
    /// Stops the signal thread, so that nothing writes to the terminal behind the caller's back.
    fn drop(&mut self) {
        self.handle.close();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Shared {
    fn lock_within(&self, wait: Duration) -> Option<MutexGuard<'_, ()>> {
        let deadline = Instant::now() + wait;
        loop {
            match self.screen.try_lock() {
                Ok(guard) => return Some(guard),
                Err(TryLockError::Poisoned(poisoned)) => return Some(poisoned.into_inner()),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    thread::sleep(Duration::from_millis(10));
                }
                Err(TryLockError::WouldBlock) => return None,
            }
        }
    }

    fn handle(&self, signal: i32, closed: &Handle, give_back: fn(), take: fn()) {
        match signal {
            SIGTSTP => {
                let _screen = self.screen.lock().unwrap_or_else(PoisonError::into_inner);
                give_back();
                // Stops the whole process, as SIGTSTP would have; returns once it is continued.
                let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                take();
                self.redraw.store(true, Ordering::SeqCst);
            }
            SIGCONT => {
                // Also after a SIGSTOP, which cannot be caught: the shell may have had the terminal.
                let _screen = self.screen.lock().unwrap_or_else(PoisonError::into_inner);
                take();
                self.redraw.store(true, Ordering::SeqCst);
            }
            ending => {
                self.ending.store(ending, Ordering::SeqCst);
                let deadline = Instant::now() + GRACE;
                while Instant::now() < deadline {
                    if closed.is_closed() {
                        return;
                    }
                    thread::sleep(Duration::from_millis(10));
                }
                // Not forever: a loop stuck writing to a terminal that reads nothing holds the lock.
                let _screen = self.lock_within(GRACE);
                give_back();
                std::process::exit(128 + ending);
            }
        }
    }
}
