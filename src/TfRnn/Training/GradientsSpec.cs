namespace TfRnn;

/// <summary>
/// What a <c>Gradients</c> op differentiates: its first <see cref="YCount"/> inputs are the ys, then come
/// the <see cref="Xs"/>, then (when <see cref="HasGradYs"/>) one grad_y per y. The executor makes the xs
/// track gradients and cuts history at <see cref="StopGradients"/>.
/// </summary>
internal sealed record GradientsSpec(int YCount, Tensor[] Xs, Tensor[] StopGradients, bool HasGradYs);
