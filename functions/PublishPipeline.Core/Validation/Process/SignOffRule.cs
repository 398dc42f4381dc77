using PublishPipeline.Reports;

namespace PublishPipeline.Validation.Process;

/// <summary>H5: the head of unit approved the report before publication (怀化: 单位负责人签字并加盖公章; 岳阳: 主要领导审核签发).</summary>
public sealed class SignOffRule : IValidationRule
{
    public string Id => "H5";

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var signOff = context.Inputs.SignOff;
        if (signOff is null)
        {
            yield return NotChecked.For(Id, "单位负责人审核签发记录", "无法核对报告是否经审核签发");
            yield break;
        }

        if (string.IsNullOrWhiteSpace(signOff.Approver))
        {
            yield return new Finding
            {
                Rule = Id,
                Severity = Severity.Warning,
                Message = "未记录单位负责人审核签发：年度报告应经单位负责人审核签发后公布，请在提交时填写签发人和签发日期",
            };
        }
    }
}
