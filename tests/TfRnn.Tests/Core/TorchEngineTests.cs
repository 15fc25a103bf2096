using TorchSharp;

namespace TfRnn.Tests.Core;

/// <summary>The engine loads on this machine (see build/TorchSharpNative.targets) and computes.</summary>
[TestClass]
public class TorchEngineTests
{
    [TestMethod]
    public void Torch_LoadsAndMultipliesMatrices()
    {
        using var a = torch.tensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 });
        using var b = torch.tensor(new float[] { 5, 6, 7, 8 }, new long[] { 2, 2 });
        using var product = torch.matmul(a, b);
        // [[1,2],[3,4]]·[[5,6],[7,8]] = [[19,22],[43,50]]
        CollectionAssert.AreEqual(new float[] { 19, 22, 43, 50 }, product.data<float>().ToArray());
    }

    [TestMethod]
    public void Torch_AutogradComputesDerivative()
    {
        using var x = torch.tensor(3.0, requires_grad: true);
        using var y = x * x * x;
        var grad = torch.autograd.grad(new[] { y }, new[] { x })[0];
        Assert.AreEqual(27.0, grad.item<double>(), 1e-12); // d(x³)/dx = 3x² = 27
    }
}
