namespace TfRnn;

/// <summary>TensorFlow's ValueError: a bad argument or shape found while building the graph.</summary>
public class ValueError(string message) : Exception(message);

/// <summary>TensorFlow's TypeError: a value of the wrong kind.</summary>
public class TypeError(string message) : Exception(message);

/// <summary>Python's RuntimeError, as TF raises it: e.g. "Attempted to use a closed Session."</summary>
public class RuntimeError(string message) : Exception(message);

/// <summary>TensorFlow's base runtime error, raised by <c>Session.run</c>.</summary>
public class OpError(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A run-time argument (feed, index, label) is invalid.</summary>
public class InvalidArgumentError(string message, Exception? inner = null) : OpError(message, inner);

/// <summary>A run needs state that does not exist yet (an uninitialized variable).</summary>
public class FailedPreconditionError(string message) : OpError(message);

/// <summary>A file, key or tensor that was asked for does not exist.</summary>
public class NotFoundError(string message) : OpError(message);

/// <summary>Stored data is corrupt or truncated (a CRC mismatch, a short file).</summary>
public class DataLossError(string message, Exception? inner = null) : OpError(message, inner);
