// Runs the slowest suites first, also on a clean clone. Jest's own sequencer orders by the durations in
// its cache, but a clean checkout (CI) has none, and then it orders by file size: the 60-110 s infra
// synth (stacks.test.ts) or the write-exactness eval could start last and leave the other worker idle for
// a minute. jest.suiteSeconds.json holds each slow suite's seconds from a whole run (refresh it from a
// run's --json report when the slow suites change); jest's cache still wins when it has a figure.
const Sequencer = require('@jest/test-sequencer').default;
const { relative } = require('node:path');
const suiteSeconds = require('./jest.suiteSeconds.json');

/** A suite not in the list is a fast one (the list keeps every suite of 2 s or more). */
const UNLISTED_MS = 1000;

class SlowestFirstSequencer extends Sequencer {
  sort(tests) {
    const ms = (test) => {
      const cached = this.time(test);
      if (cached != null) return cached;
      const listed = suiteSeconds[relative(__dirname, test.path).split('\\').join('/')];
      return listed != null ? listed * 1000 : UNLISTED_MS;
    };
    const keyed = tests.map((test) => ({ test, failed: this.hasFailed(test), ms: ms(test) }));
    // Failed suites first (the quickest feedback), as jest does; then the longest first.
    keyed.sort((a, b) => Number(b.failed) - Number(a.failed) || b.ms - a.ms);
    return keyed.map(({ test }) => test);
  }
}

module.exports = SlowestFirstSequencer;
