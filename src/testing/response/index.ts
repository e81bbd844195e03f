// The answer's bytes: JSON or event-stream frames, chunked, paced and faulted as scripted.
export { answer, type AnswerInput } from "./answer.js";
export { EmulatorConnectionCut } from "./body-stream.js";
