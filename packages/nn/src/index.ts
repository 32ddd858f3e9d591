/**
 * @nettopo/nn: models and data (ONNX, TF.js), activation extraction and training.
 * Empty until the "Models and data" issue; the package exists so the layout and
 * dependency arrows (cli, web -> nn -> core) are fixed from the start.
 */
export {};
