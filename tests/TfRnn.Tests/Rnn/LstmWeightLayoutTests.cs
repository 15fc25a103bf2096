using TfRnn;
using TorchSharp;

namespace TfRnn.Tests.Rnn;

/// <summary>
/// The host transposition between TF's LSTM kernel and libtorch's weights, against the same mapping written as engine
/// ops (gate blocks reordered by index_select, then split and transposed): small (serial) and KorCharRnn-sized
/// (2M elements, split across threads), with whole and partial tiles.
/// </summary>
[TestClass]
public class LstmWeightLayoutTests : TestBase
{
    /// <summary>Exactly equal: the layout only moves values.</summary>
    static bool Same(torch.Tensor actual, torch.Tensor expected) => actual.shape.SequenceEqual(expected.shape) && actual.allclose(expected, 0, 0);

    [TestMethod]
    [DataRow(5, 3)]       // one partial tile
    [DataRow(37, 21)]     // several tiles, the last ones partial
    [DataRow(512, 512)]   // whole tiles, split across threads
    [DataRow(600, 500)]   // split across threads, partial tiles
    public void ToLibTorch_MatchesTheEngineOps_AndFromLibTorchInvertsIt(int input, int units)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(3);
        var kernel = torch.randn(input + units, 4 * units);
        var bias = torch.randn(4 * units);
        const double forgetBias = 1.0;
        var (weightIh, weightHh) = (torch.empty(4 * units, input), torch.empty(4 * units, units));
        var (biasIh, biasHh) = (torch.empty(4 * units), torch.full(4 * units, 7f));

        LstmWeightLayout.ToLibTorch(kernel, bias, forgetBias, weightIh, weightHh, biasIh, biasHh);

        // libtorch's blocks i, f, g, o are TF's blocks 0, 2, 1, 3.
        var order = torch.cat(new[] { 0, 2, 1, 3 }.Select(b => torch.arange(b * units, (b + 1) * units)).ToArray());
        var reordered = kernel.index_select(1, order);
        var expectedBias = bias.index_select(0, order);
        expectedBias.narrow(0, units, units).add_(forgetBias);
        Assert.IsTrue(Same(weightIh, reordered.narrow(0, 0, input).t()), "weight_ih");
        Assert.IsTrue(Same(weightHh, reordered.narrow(0, input, units).t()), "weight_hh");
        Assert.IsTrue(Same(biasIh, expectedBias), "bias_ih carries the bias and forget_bias");
        Assert.AreEqual(0.0, biasHh.abs().sum().item<float>(), "bias_hh is zeroed");

        var (kernelBack, biasBack) = LstmWeightLayout.FromLibTorch(weightIh, weightHh, biasIh);
        Assert.IsTrue(Same(kernelBack, kernel), "the kernel comes back in TF's layout");
        expectedBias = bias.clone();
        expectedBias.narrow(0, 2 * units, units).add_(forgetBias);   // TF's f block is its third
        Assert.IsTrue(Same(biasBack, expectedBias), "the bias comes back in TF's gate order");
    }
}
