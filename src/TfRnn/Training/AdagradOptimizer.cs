namespace TfRnn;

/// <summary>tf.train.AdagradOptimizer: accumulator (<c>var/Adagrad</c>, starting at initial_accumulator_value) += g²; var −= lr·g/√accumulator.</summary>
public sealed class AdagradOptimizer(TensorLike learning_rate, double initial_accumulator_value = 0.1, bool use_locking = false, string name = "Adagrad")
    : Optimizer(name, use_locking)
{
    Tensor? _lr;

    /// <inheritdoc/>
    protected override void CreateSlots(IReadOnlyList<Variable> vars)
    {
        if (initial_accumulator_value <= 0)
            throw new ValueError($"initial_accumulator_value must be positive: {initial_accumulator_value}");
        foreach (var v in vars)
            Slot(v, "accumulator", () => tf.constant(initial_accumulator_value, v.dtype, v.shape));
    }

    /// <inheritdoc/>
    protected override void Prepare() => _lr = OpBuilder.ToTensor(learning_rate, name: "learning_rate");

    /// <inheritdoc/>
    protected override ITensorOrOperation ApplyDense(Tensor grad, Variable var) =>
        UpdateOp("ApplyAdagrad", new[] { var, get_slot(var, "accumulator")! }, new[] { _lr!, grad }, OptimizerKernels.Adagrad);
}
