#include "status.h"

const char *status_describe(zb_status status)
{
    switch (status) {
    case ZB_OK: return "成功";
    case ZB_ERR_NOMEM: return "内存不足";
    case ZB_ERR_IO: return "文件读写失败";
    case ZB_ERR_USAGE: return "命令用法错误";
    case ZB_ERR_PARSE: return "XML 格式错误";
    case ZB_ERR_INVALID: return "文档不符合规则";
    case ZB_ERR_FONT: return "字体错误";
    case ZB_ERR_XSLT: return "样式表执行失败";
    case ZB_ERR_RENDER: return "输出生成失败";
    }
    return "未知错误";
}
