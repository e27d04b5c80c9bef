//! Searches large libraries off the input thread: only the newest request is run. Results come back
//! as actions for `update`.

use std::sync::{Arc, mpsc};
use std::thread;

use crate::app::{Action, App, SearchRequest};
use crate::search::{SearchIndex, matches};

/// A search thread and the channels to it.
pub struct Worker {
    requests: mpsc::Sender<(Arc<SearchIndex>, SearchRequest)>,
    results: mpsc::Receiver<Action>,
}

impl Worker {
    pub fn start() -> Worker {
        let (requests, inbox) = mpsc::channel::<(Arc<SearchIndex>, SearchRequest)>();
        let (outbox, results) = mpsc::channel();
        thread::spawn(move || {
            while let Ok(mut request) = inbox.recv() {
                while let Ok(newer) = inbox.try_recv() {
                    request = newer;
                }
                let (index, search) = request;
                let hits = matches(&index, &search.query);
                let done = Action::ResultsArrived {
                    generation: search.generation,
                    hits,
                };
                if outbox.send(done).is_err() {
                    break;
                }
            }
        });
        Worker { requests, results }
    }

    /// Hands the App's pending search to the worker.
    pub fn send(&self, app: &mut App) {
        if let Some(request) = app.take_pending() {
            let _ = self.requests.send((app.index(), request));
        }
    }

    /// The results that have arrived, as actions.
    pub fn arrived(&self) -> Vec<Action> {
        self.results.try_iter().collect()
    }
}
