#include "rules.h"

#include <string.h>

#include "../core/buf.h"
#include "checks.h"

#define TZ "《软件台账管理规定》"
#define AZ "《软件安装维护管理规定》"

static const zb_rule ledger_rules[] = {
    /* forms/ledger.xsd: structure, types, keys and references */
    {"schema", DIAG_ERROR, NULL,
     "台账须符合台账模式 forms/ledger.xsd：元素、属性、数据类型与取值。", NULL},
    {"schema-version", DIAG_ERROR, NULL,
     "台账须是本程序读取的台账模式版本（根元素 <ledger>，命名空间 "
     LEDGER_NAMESPACE "）。", NULL},
    {"key-dept", DIAG_ERROR, NULL, "部门标识不得重复。", NULL},
    {"key-staff", DIAG_ERROR, NULL, "工作人员标识不得重复。", NULL},
    {"key-computer", DIAG_ERROR, NULL, "计算机编号不得重复，一台计算机一个编号。",
     NULL},
    {"key-request", DIAG_ERROR, NULL, "软件安装维护申请表的编号不得重复。", NULL},
    {"key-confirmation", DIAG_ERROR, NULL, "软件安装维护确认单的编号不得重复。",
     NULL},
    {"key-deployment", DIAG_ERROR, NULL, "统一部署的编号不得重复。", NULL},
    {"key-document", DIAG_ERROR, NULL, "公文标识不得重复。", NULL},
    {"ref-dept", DIAG_ERROR, NULL, "所引用的部门须在部门清单中登记。", NULL},
    {"ref-staff", DIAG_ERROR, NULL, "所引用的人员须在工作人员名单中登记。", NULL},
    {"ref-computer", DIAG_ERROR, NULL, "所引用的计算机须在计算机清单中登记。", NULL},
    {"ref-software", DIAG_ERROR, TZ "三.2",
     "根据《软件使用情况汇总表》中的软件编号建立相应软件的《软件安装维护情况明细表》。",
     NULL},
    {"ref-request", DIAG_ERROR, AZ "一.2",
     "工作人员因个人工作需要，要求安装或卸载软件的，要填写《软件安装维护申请表》（附件10），"
     "经审核同意后，由信息化部门安排相关人员负责软件安装或卸载工作。", NULL},
    {"ref-deployment", DIAG_ERROR, AZ "一.3",
     "单位统一部署的软件安装或卸载工作，工作人员无须填写《软件安装维护申请表》。", NULL},
    {"ref-confirmation", DIAG_ERROR, AZ "一.4",
     "填写《软件安装维护确认单》（附件11），要求计算机使用人签字确认软件安装或卸载情况。",
     NULL},
    /* 软件台账管理规定 */
    {"tz-1.2", DIAG_ERROR, TZ "一.2",
     "软件名称或软件版本不同的商业软件，使用不同的软件编号。", NULL},
    {"tz-1.3", DIAG_ERROR, TZ "一.3",
     "软件名称及软件版本相同的商业软件，采购时间、采购金额、许可类型、许可数量、"
     "可使用版本、许可期限、序列号等任一不相同的，使用不同的软件编号。",
     check_commercial_numbers},
    {"tz-1.4", DIAG_ERROR, TZ "一.4",
     "通过受赠、调剂等方式获得的商业软件，不填写采购时间、采购金额。", NULL},
    {"tz-1.5", DIAG_ERROR, TZ "一.5",
     "软件名称或软件版本不同的OEM软件，使用不同的软件编号。", check_oem_numbers},
    {"tz-1.6", DIAG_ERROR, TZ "一.6",
     "OEM软件，不填写采购时间、采购金额、许可类型、许可数量、可使用版本、许可期限、"
     "序列号等信息。", NULL},
    {"tz-1.7", DIAG_ERROR, TZ "一.7", "软件名称不同的免费软件，使用不同的软件编号。",
     NULL},
    {"tz-1.8", DIAG_ERROR, TZ "一.8",
     "软件名称相同、软件版本不同的免费软件，使用相同的软件编号。", check_free_numbers},
    {"tz-1.9", DIAG_ERROR, TZ "一.9",
     "免费软件，不填写软件版本、采购时间、采购金额、许可类型、许可数量、可使用版本、"
     "许可期限、序列号等信息。", NULL},
    {"tz-1.13", DIAG_WARNING, TZ "一.13",
     "根据《软件安装维护情况明细表》中登记的软件安装和卸载情况，至少每半年更新"
     "《软件使用情况汇总表》一次。", check_revisions},
    {"tz-3.5", DIAG_ERROR, TZ "三.5",
     "在计算机办公设备中更新升级商业软件时，更新升级前软件和升级后软件对应的"
     "《软件安装维护情况明细表》，分别登记升级前软件的卸载情况和升级后软件的安装情况。",
     check_upgrade_pairs},
    /* 软件正版化工作责任制度 */
    {"zr-1", DIAG_ERROR, "《软件正版化工作责任制度》一（一）",
     "单位主要领导担任软件正版化工作领导小组组长。单位分管领导担任软件正版化工作领导小组"
     "副组长。信息化、办公厅（室）、人事、财务、资产管理等部门主要负责人为领导小组成员。",
     check_leadership},
    /* 软件安装维护管理规定 */
    {"az-1.2", DIAG_ERROR, AZ "一.1、一.2",
     "工作人员不得私自在计算机上安装或卸载软件。工作人员因个人工作需要，要求安装或卸载"
     "软件的，要填写《软件安装维护申请表》（附件10），经审核同意后，由信息化部门安排相关"
     "人员负责软件安装或卸载工作。", check_requests},
    {"az-1.3", DIAG_ERROR, AZ "一.3",
     "单位统一部署的软件安装或卸载工作，工作人员无须填写《软件安装维护申请表》。信息化"
     "部门将统一部署软件安装或卸载工作通知相关部门，并安排相关人员负责软件安装或卸载具体"
     "工作。", check_deployments},
    {"az-1.4", DIAG_ERROR, AZ "一.4",
     "信息化部门相关人员安装或卸载软件后，要填写《软件安装维护确认单》（附件11），要求"
     "计算机使用人签字确认软件安装或卸载情况；填写《软件安装维护情况明细表》（附件9），"
     "登记软件安装或卸载情况。", check_confirmations},
    {"az-2", DIAG_ERROR, AZ "二.1、二.2",
     "工作人员不得私自升级计算机上已安装的商业软件。工作人员因个人工作需要，要求升级"
     "计算机上已安装的商业软件，要填写《软件安装维护申请表》。", check_upgrade_requests},
    /* the event log */
    {"log-order", DIAG_ERROR, TZ "三.4",
     "在计算机办公设备中安装或卸载软件后，更新相应软件的《软件安装维护情况明细表》"
     "——卸载的软件须是此前在该计算机上登记安装的。", check_log_order},
    {"log-double", DIAG_ERROR, TZ "三.4",
     "在计算机办公设备中安装或卸载软件后，更新相应软件的《软件安装维护情况明细表》"
     "——已安装的软件须先登记卸载，才能再登记安装。", check_log_double},
    {"log-acquired", DIAG_ERROR, TZ "一.11",
     "新增、处置计算机办公设备后，更新《软件使用情况汇总表》——计算机购置之前不能有"
     "安装维护记录。", check_log_acquired},
    {"log-disposed", DIAG_ERROR, TZ "一.11",
     "新增、处置计算机办公设备后，更新《软件使用情况汇总表》——计算机报废之后不能有"
     "安装维护记录。", check_log_disposed},
    {"log-asof", DIAG_ERROR, NULL,
     "台账截至填表日期：安装维护记录不能晚于填表日期。", check_log_as_of},
    {"log-sw-disposed", DIAG_ERROR, "《软件配置管理规定》二.7",
     "单位采购的软件，因以下情况申请报废的，需经过信息化部门鉴定，严格履行资产处置报批"
     "手续——已报废的软件不能再安装。", check_log_software_disposed},
    {"ref-serial", DIAG_ERROR, "《软件正版化考核评议制度》第五条",
     "计算机使用人员应当确保软件序列号对应安装在计算机上，软件序列号不得借给他人使用。",
     check_serials},
    /* 党政机关公文 */
    {"gw-signer", DIAG_ERROR, "《党政机关公文处理工作条例》第九条（四）",
     "签发人。上行文应当标注签发人姓名。", check_signer},
};

const zb_rule *rules_ledger(size_t *count)
{
    *count = sizeof ledger_rules / sizeof *ledger_rules;
    return ledger_rules;
}

const zb_rule *rules_find(const char *id)
{
    for (size_t i = 0; i < sizeof ledger_rules / sizeof *ledger_rules; i++)
        if (!strcmp(ledger_rules[i].id, id))
            return &ledger_rules[i];
    return NULL;
}

zb_status rules_run(const zb_rule *table, size_t count, zb_rule_ctx *ctx)
{
    for (size_t i = 0; i < count; i++) {
        if (!table[i].check)
            continue;
        zb_status st = table[i].check(ctx, &table[i]);
        if (st != ZB_OK)
            return st;
    }
    return ZB_OK;
}

static zb_status add(zb_diags *diags, const zb_source *src, const zb_rule *rule,
                     const char *id, long line, int col, const char *message)
{
    zb_severity severity = rule ? rule->severity : DIAG_ERROR;
    const char *file = src ? src->name : NULL;
    if (rule && rule->article)
        return diags_add(diags, file, line, col, severity, id, "%s（%s）",
                         message, rule->article);
    return diags_add(diags, file, line, col, severity, id, "%s", message);
}

zb_status rules_add(zb_diags *diags, const zb_source *src, const char *id,
                    long line, int col, const char *message)
{
    return add(diags, src, rules_find(id), id, line, col, message);
}

zb_status rules_report(zb_rule_ctx *ctx, const zb_rule *rule, long line,
                       const char *elem, const char *attr, const char *fmt, ...)
{
    int col;
    source_locate(ctx->source, &line, &col, elem, attr);
    zb_buf msg = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    zb_status st = msg.failed ? ZB_ERR_NOMEM
                   : add(ctx->diags, ctx->source, rule, rule->id, line, col,
                         buf_str(&msg));
    buf_free(&msg);
    return st;
}
