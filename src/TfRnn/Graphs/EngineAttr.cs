namespace TfRnn;

/// <summary>
/// An op attribute the engine reads (an axis the kernel closes over, a layer description) that TensorFlow's
/// GraphDef does not have: kept on the op for host kernels, left out of exported graphs.
/// </summary>
internal readonly record struct EngineAttr<T>(T Value);
