namespace TfRnn;

public static partial class tf
{
    /// <summary>tf.contrib: the contrib modules the TF1 tutorials use.</summary>
    public static partial class contrib
    {
        /// <summary>tf.contrib.legacy_seq2seq: per-step list losses and decoders.</summary>
        public static partial class legacy_seq2seq
        {
            /// <summary>
            /// sequence_loss_by_example(logits, targets, weights, average_across_timesteps, softmax_loss_function):
            /// Σ_t weight_t·crossentropy_t per batch entry, divided by Σ_t weight_t (+1e-12) when averaging.
            /// softmax_loss_function takes (labels, logits); the default is sparse softmax cross-entropy.
            /// </summary>
            public static Tensor sequence_loss_by_example(IEnumerable<Tensor> logits, IEnumerable<Tensor> targets, IEnumerable<Tensor> weights,
                bool average_across_timesteps = true, Func<Tensor, Tensor, Tensor>? softmax_loss_function = null, string? name = null)
            {
                var (l, t, w) = (logits.ToArray(), targets.ToArray(), weights.ToArray());
                if (l.Length != t.Length || l.Length != w.Length)
                    throw new ValueError($"Lengths of logits, weights, and targets must be the same {l.Length}, {w.Length}, {t.Length}.");
                using var scope = name_scope(name, "sequence_loss_by_example");
                var perStep = new List<Tensor>();
                for (int i = 0; i < l.Length; i++)
                {
                    var crossent = softmax_loss_function != null
                        ? softmax_loss_function(t[i], l[i])
                        : nn.sparse_softmax_cross_entropy_with_logits(reshape(t[i], new[] { -1 }), l[i]);
                    perStep.Add(crossent * w[i]);
                }
                var logPerps = add_n(perStep);
                if (!average_across_timesteps) return logPerps;
                var totalSize = add_n(w) + 1e-12;   // avoids dividing by zero for all-zero weights
                return logPerps / totalSize;
            }

            /// <summary>
            /// sequence_loss(logits, targets, weights, average_across_timesteps, average_across_batch,
            /// softmax_loss_function): the summed sequence_loss_by_example, divided by the batch size when averaging.
            /// </summary>
            public static Tensor sequence_loss(IEnumerable<Tensor> logits, IEnumerable<Tensor> targets, IEnumerable<Tensor> weights,
                bool average_across_timesteps = true, bool average_across_batch = true, Func<Tensor, Tensor, Tensor>? softmax_loss_function = null,
                string? name = null)
            {
                var targetList = targets.ToArray();
                using var scope = name_scope(name, "sequence_loss");
                var cost = reduce_sum(sequence_loss_by_example(logits, targetList, weights, average_across_timesteps, softmax_loss_function));
                if (!average_across_batch) return cost;
                var batchSize = shape(targetList[0])[0];
                return cost / cast(batchSize, cost.dtype);
            }
        }
    }
}
