//! Searches large libraries off the input thread: only the newest request is run, and a query that
//! extends the previous one rescans only its matches. Results come back as actions for `update`.

use std::sync::{Arc, mpsc};
use std::thread;

use crate::app::{Action, App, SearchRequest};
use crate::search::{Narrowing, SearchIndex, matches_narrowing};

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
            let mut narrowing = Narrowing::default();
            let mut last_index: Option<Arc<SearchIndex>> = None;
            while let Ok(mut request) = inbox.recv() {
                while let Ok(newer) = inbox.try_recv() {
                    request = newer;
                }
                let (index, search) = request;
                if !last_index.as_ref().is_some_and(|i| Arc::ptr_eq(i, &index)) {
                    narrowing = Narrowing::default();
                }
                let hits = matches_narrowing(&index, &search.query, &mut narrowing);
                last_index = Some(index);
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
