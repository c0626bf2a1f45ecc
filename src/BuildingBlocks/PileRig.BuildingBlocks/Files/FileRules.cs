using PileRig.SharedKernel.Rules;

namespace PileRig.BuildingBlocks.Files;

public static class FileRules
{
    public static readonly RuleCode Empty = new("files.empty", RuleKind.Validation,
        "请选择要上传的文件", "Choose a file to upload");

    public static readonly RuleCode TooLarge = new("files.too_large", RuleKind.Validation,
        "文件不能超过 {maxMegabytes} MB", "The file must be at most {maxMegabytes} MB");

    public static readonly RuleCode UnsupportedType = new("files.unsupported_type", RuleKind.Validation,
        "仅支持 JPEG、PNG 图片或 PDF 文件（按文件内容识别）", "Only JPEG, PNG or PDF files are accepted (judged by content, not name)");

    public static readonly RuleCode Incomplete = new("files.incomplete", RuleKind.Validation,
        "上传内容不完整或格式有误，请重新上传", "The upload arrived incomplete or malformed; upload it again");

    public static readonly RuleCode Unknown = new("files.unknown", RuleKind.Validation,
        "文件不存在或不是由当前账号上传", "No such file uploaded by this account");
}
