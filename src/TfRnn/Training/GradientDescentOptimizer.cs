namespace TfRnn;

/// <summary>tf.train.GradientDescentOptimizer: var −= learning_rate·grad.</summary>
public sealed class GradientDescentOptimizer(TensorLike learning_rate, bool use_locking = false, string name = "GradientDescent")
    : Optimizer(name, use_locking)
{
    Tensor? _lr;

    /// <inheritdoc/>
    protected override void Prepare() => _lr = OpBuilder.ToTensor(learning_rate, name: "learning_rate");

    /// <inheritdoc/>
    protected override ITensorOrOperation ApplyDense(Tensor grad, Variable var) =>
        UpdateOp("ApplyGradientDescent", new[] { var }, new[] { _lr!, grad }, OptimizerKernels.GradientDescent);

    /// <summary>Only the listed rows change: var[indices] −= lr·values.</summary>
    protected override ITensorOrOperation ApplySparse(IndexedSlices grad, Variable var) =>
        UpdateOp("ScatterSub", new[] { var }, new[] { _lr!, grad.values, grad.indices }, OptimizerKernels.ScatterSub);
}
