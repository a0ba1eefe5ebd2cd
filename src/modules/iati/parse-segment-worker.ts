// Worker thread entry of the parallel file reader: parses the segments it is sent.
import { parentPort } from 'node:worker_threads';
import { parseSegment, type SegmentRequest } from './parse-segment.js';

parentPort?.on('message', (request: SegmentRequest) => {
  parentPort?.postMessage(parseSegment(request));
});
