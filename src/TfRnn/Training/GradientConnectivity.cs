namespace TfRnn;

/// <summary>
/// Decides at graph-build time which xs a gradient can reach from ys (TF returns None for the rest):
/// paths run through floating-point tensors and differentiable ops only, and stop at stop_gradient
/// ops and at the tensors listed in stop_gradients.
/// </summary>
internal static class GradientConnectivity
{
    /// <summary>Op types TensorFlow registers with no gradient (or a None gradient) for every input.</summary>
    static readonly HashSet<string> NoGradient = new()
    {
        "StopGradient", "Shape", "Size", "Rank", "ArgMax", "ArgMin", "Equal", "NotEqual", "Less", "LessEqual",
        "Greater", "GreaterEqual", "LogicalAnd", "LogicalOr", "LogicalNot", "Floor", "Ceil", "Round", "Sign",
        "FloorDiv", "RandomStandardNormal", "RandomUniform", "TruncatedNormal", "Multinomial", "Where", "OneHot",
        "Range", "Fill", "ZerosLike", "OnesLike", "Const", "Placeholder", "VariableV2", "Assign", "AssignAdd", "AssignSub",
        "NoOp", "Gradients",
    };

    /// <summary>For each x, whether some y depends on it through differentiable edges.</summary>
    public static bool[] Connected(IReadOnlyList<Tensor> ys, IReadOnlyList<Tensor> xs, ISet<Tensor> stopAt)
    {
        // Walk backwards from ys, marking every tensor a gradient can flow into.
        var reached = new HashSet<Tensor>();
        var stack = new Stack<Tensor>(ys.Where(Differentiable));
        foreach (var y in stack) reached.Add(y);
        while (stack.Count > 0)
        {
            var t = stack.Pop();
            if (stopAt.Contains(t) || NoGradient.Contains(t.op.type)) continue;
            var op = t.op;
            for (int i = op.ReferenceInputCount; i < op.inputs.Length; i++)
            {
                var input = op.inputs[i];
                if (Differentiable(input) && reached.Add(input)) stack.Push(input);
            }
        }
        return xs.Select(reached.Contains).ToArray();
    }

    static bool Differentiable(Tensor t) => t.dtype.is_floating();
}
