<?xml version="1.0" encoding="UTF-8"?>
<!--
  doc-common.xsl - the red-header document (红头文件) of GB/T 9704-2012 in the
  layout vocabulary: imported by the stylesheet of each kind of document
  (doc-report.xsl, doc-systems-notice.xsl, doc-inspection-notice.xsl,
  doc-general.xsl), which fills in the body (mode "body") and what follows
  the 附注 (mode "after-note").

  Input: the ledger (with the derived <f:facts> when `build` runs it). The
  forms a document attaches are the layout documents `build` makes for them,
  put into the input as /l:ledger/zb:attachment[@form]/lo:document; their
  sections are copied after the document, numbered on with its page numbers.

  Parameters:
    document     the @id of the ledger's <document> to lay out (default: the
                 first document of the kind the importing stylesheet sets)
    letterhead   "print" (default) prints the 发文机关标志 and the red
                 separator; "preprinted" leaves their place blank for paper
                 with a printed letterhead

  Geometry (GB/T 9704-2012 5.2, 7): A4, 天头 37 mm, 订口 28 mm, 版心 156 mm x
  225 mm, 22 lines of 28 characters; every line below the separator sits on
  the line grid (pitch 225/22 mm), 三号 characters at the pitch 156/28 mm.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:zhengban:ledger:1"
    xmlns:f="urn:zhengban:facts:1"
    xmlns:zb="urn:zhengban:xslt"
    xmlns:str="http://exslt.org/strings"
    xmlns:exsl="http://exslt.org/common"
    xmlns:lo="urn:zhengban:layout:1"
    exclude-result-prefixes="l f zb str exsl">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="document" select="''"/>
  <xsl:param name="letterhead" select="'print'"/>

  <!-- set by the importing stylesheet: the kind it lays out -->
  <xsl:variable name="kind" select="'general'"/>

  <xsl:variable name="ledger" select="/l:ledger"/>
  <xsl:variable name="facts" select="/l:ledger/f:facts"/>
  <xsl:variable name="doc"
      select="(/l:ledger/l:documents/l:document[@id = $document or
               ($document = '' and @kind = $kind)])[1]"/>
  <xsl:variable name="red" select="'#FF0000'"/>

  <!-- ================================================================ -->

  <xsl:template match="/">
    <xsl:if test="not($doc)">
      <xsl:message terminate="yes">
        <xsl:text>台账中没有</xsl:text>
        <xsl:choose>
          <xsl:when test="$document != ''">标识为 <xsl:value-of select="$document"/> 的公文</xsl:when>
          <xsl:otherwise>种类为 <xsl:value-of select="$kind"/> 的公文</xsl:otherwise>
        </xsl:choose>
      </xsl:message>
    </xsl:if>
    <xsl:apply-templates select="$doc" mode="document"/>
  </xsl:template>

  <xsl:template match="l:document" mode="document">
    <xsl:variable name="attached" select="/l:ledger/zb:attachment/lo:document"/>
    <lo:document>
      <lo:meta title="{normalize-space(l:title)}" author="{normalize-space(l:signature)}"
               subject="{normalize-space(l:to)}" created="{l:date}">
        <xsl:attribute name="keywords">
          <xsl:call-template name="doc-number"/>
        </xsl:attribute>
      </lo:meta>
      <lo:styles>
        <xsl:call-template name="styles"/>
        <xsl:for-each select="$attached">
          <xsl:apply-templates select="lo:styles/lo:style" mode="attach">
            <xsl:with-param name="prefix" select="concat('a', position(), '-')"/>
          </xsl:apply-templates>
        </xsl:for-each>
      </lo:styles>
      <lo:section name="正文">
        <xsl:call-template name="page"/>
        <xsl:call-template name="head"/>
        <lo:space lines="2"/>
        <lo:p style="title" balance="true" src="{zb:where(l:title)}">
          <xsl:call-template name="title-lines">
            <xsl:with-param name="title" select="normalize-space(l:title)"/>
          </xsl:call-template>
        </lo:p>
        <lo:space lines="1"/>
        <lo:p style="body" indent="0" src="{zb:where(l:to)}">
          <xsl:value-of select="normalize-space(l:to)"/>
          <xsl:text>：</xsl:text>
        </lo:p>
        <!-- the 署名 never on a page without text of the body (7.3.5.4):
             the body's last block is kept with it -->
        <xsl:variable name="body">
          <xsl:apply-templates select="." mode="body"/>
        </xsl:variable>
        <xsl:variable name="blocks" select="exsl:node-set($body)/*"/>
        <xsl:copy-of select="$blocks[position() &lt; last()]"/>
        <lo:keep>
          <xsl:copy-of select="$blocks[last()]"/>
          <xsl:apply-templates select="l:attachments"/>
          <xsl:call-template name="signoff"/>
          <xsl:apply-templates select="l:note"/>
        </lo:keep>
        <xsl:apply-templates select="." mode="after-note"/>
        <xsl:if test="not($attached)">
          <xsl:call-template name="colophon"/>
        </xsl:if>
      </lo:section>
      <xsl:for-each select="$attached">
        <xsl:apply-templates select="lo:section" mode="attach">
          <xsl:with-param name="prefix" select="concat('a', position(), '-')"/>
        </xsl:apply-templates>
      </xsl:for-each>
      <xsl:if test="$attached">
        <lo:section name="版记">
          <xsl:call-template name="page"/>
          <xsl:call-template name="colophon"/>
        </lo:section>
      </xsl:if>
    </lo:document>
  </xsl:template>

  <!-- the body as the ledger writes it; the kinds add to it -->
  <xsl:template match="l:document" mode="body">
    <xsl:apply-templates select="l:body/*"/>
  </xsl:template>

  <xsl:template match="l:document" mode="after-note"/>

  <!-- ============================================================ styles -->

  <!-- 发文机关标志: as large as 48 pt, never wider than the 156 mm (442 pt)
       of the body -->
  <xsl:variable name="mark-chars" select="string-length(normalize-space($doc/l:issuerMark))"/>
  <xsl:variable name="mark-size">
    <xsl:choose>
      <xsl:when test="$mark-chars * 48 &lt;= 440">48</xsl:when>
      <xsl:otherwise><xsl:value-of select="floor(4400 div $mark-chars) div 10"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template name="styles">
    <lo:style name="mark" font="小标宋" size="{$mark-size}pt" color="{$red}" align="center" line-height="1"/>
    <lo:style name="number" font="仿宋" size="三号" align="center" line-height="1"/>
    <lo:style name="signer" font="楷体" size="三号" line-height="1"/>
    <lo:style name="title" font="小标宋" size="二号" align="center" line-height="1" grid="lines"/>
    <lo:style name="body" font="仿宋" size="三号" align="justify" line-height="1" indent="2" grid="chars"/>
    <lo:style name="h1" font="黑体" size="三号" align="justify" line-height="1" indent="2" grid="chars"/>
    <lo:style name="h2" font="楷体" size="三号" align="justify" line-height="1" indent="2" grid="chars"/>
    <lo:style name="banji" font="仿宋" size="四号" line-height="1" grid="lines"/>
    <lo:style name="foot" font="宋体" size="四号" line-height="1"/>
  </xsl:template>

  <xsl:template name="page">
    <xsl:attribute name="margin-top">37</xsl:attribute>
    <xsl:attribute name="margin-bottom">35</xsl:attribute>
    <xsl:attribute name="margin-left">28</xsl:attribute>
    <xsl:attribute name="margin-right">26</xsl:attribute>
    <xsl:attribute name="grid-lines">22</xsl:attribute>
    <xsl:attribute name="grid-chars">28</xsl:attribute>
    <xsl:attribute name="numbering">continue</xsl:attribute>
    <xsl:call-template name="footer"/>
  </xsl:template>

  <!-- 页码: 四号半角宋体 — N —, 7 mm below the body, odd pages right and even
       pages left, one character in (GB/T 9704-2012 7.5) -->
  <xsl:template name="footer">
    <lo:footer format="— {{page}} —" style="foot" align="outside" indent="1" offset="7"/>
  </xsl:template>

  <!-- ============================================================== head -->

  <!-- 版头: 发文机关标志 35 mm below the top of the body, 发文字号 two lines
       below it (上行文: 1 character from the left, 签发人 1 character from the
       right), the red separator 4 mm below the 发文字号 -->
  <xsl:template name="head">
    <xsl:variable name="mark" select="normalize-space($doc/l:issuerMark)"/>
    <lo:space to="35"/>
    <xsl:choose>
      <xsl:when test="$letterhead = 'preprinted'">
        <lo:space height="{format-number($mark-size * 25.4 div 72, '0.00')}"/>
      </xsl:when>
      <xsl:otherwise>
        <lo:p style="mark" src="{zb:where($doc/l:issuerMark)}"><xsl:value-of select="$mark"/></lo:p>
      </xsl:otherwise>
    </xsl:choose>
    <lo:space lines="2"/>
    <xsl:choose>
      <xsl:when test="$doc/@upward = 'true' or $doc/@upward = '1'">
        <lo:fields style="number" inset="1">
          <lo:field label="" src="{zb:where($doc/l:number)}"><xsl:call-template name="doc-number"/></lo:field>
          <lo:field label="签发人：" style="signer" src="{zb:where($doc)}">
            <xsl:value-of select="zb:ref('staff', $doc/@signer)/@name"/>
          </lo:field>
        </lo:fields>
      </xsl:when>
      <xsl:otherwise>
        <lo:p style="number" src="{zb:where($doc/l:number)}"><xsl:call-template name="doc-number"/></lo:p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:choose>
      <xsl:when test="$letterhead = 'preprinted'">
        <lo:space height="4.79"/>
      </xsl:when>
      <xsl:otherwise>
        <lo:rule width="0.79" color="{$red}" space-before="4"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 标题 (7.3.1): a title longer than a line (20 characters of 二号) is
       broken where a phrase of the usual title words ends (关于, 年度, 》,
       工作, 情况, 检查, 管理, 制度), at the place that makes the two lines
       most even, when both then fit; otherwise the renderer balances the
       lines (balance="true"). -->
  <xsl:variable name="title-breaks" select="'关于|年度|》|工作|情况|检查|管理|制度|'"/>

  <xsl:template name="title-lines">
    <xsl:param name="title"/>
    <xsl:param name="breaks" select="$title-breaks"/>
    <xsl:param name="best" select="0"/>
    <xsl:param name="best-diff" select="1000"/>
    <xsl:variable name="all">
      <xsl:call-template name="chars"><xsl:with-param name="s" select="$title"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$all &lt;= 20">
        <xsl:value-of select="$title"/>
      </xsl:when>
      <xsl:when test="$breaks != ''">
        <xsl:variable name="token" select="substring-before($breaks, '|')"/>
        <xsl:variable name="at" select="string-length(substring-before($title, $token)) +
                                        string-length($token) * contains($title, $token)"/>
        <xsl:variable name="first">
          <xsl:call-template name="chars"><xsl:with-param name="s" select="substring($title, 1, $at)"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="diff" select="($first * 2 - $all) * (1 - 2 * ($first * 2 &lt; $all))"/>
        <xsl:variable name="better" select="contains($title, $token) and $first &lt;= 20 and
                                            $all - $first &lt;= 20 and $diff &lt; $best-diff"/>
        <xsl:call-template name="title-lines">
          <xsl:with-param name="title" select="$title"/>
          <xsl:with-param name="breaks" select="substring-after($breaks, '|')"/>
          <xsl:with-param name="best" select="$at * $better + $best * not($better)"/>
          <xsl:with-param name="best-diff" select="$diff * $better + $best-diff * not($better)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$best &gt; 0 and $best &lt; string-length($title)">
        <xsl:value-of select="substring($title, 1, $best)"/>
        <lo:br/>
        <xsl:value-of select="substring($title, $best + 1)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$title"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The width of S in characters: ASCII letters, digits and signs count
       half. -->
  <xsl:template name="chars">
    <xsl:param name="s"/>
    <xsl:variable name="narrow"
        select="string-length($s) - string-length(translate($s,
                '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .-()', ''))"/>
    <xsl:value-of select="string-length($s) - $narrow div 2"/>
  </xsl:template>

  <!-- 桐医保发〔2023〕15号: the <number> NUMBER, the document's own unless
       given -->
  <xsl:template name="doc-number">
    <xsl:param name="number" select="$doc/l:number"/>
    <xsl:value-of select="concat($number/@agency, '〔', $number/@year, '〕',
                                 number($number/@seq), '号')"/>
  </xsl:template>

  <!-- ============================================================== body -->

  <xsl:template match="l:p">
    <lo:p style="body" src="{zb:where(.)}"><xsl:value-of select="normalize-space(.)"/></lo:p>
  </xsl:template>

  <xsl:template match="l:section">
    <xsl:call-template name="heading">
      <xsl:with-param name="level" select="count(ancestor::l:section) + 1"/>
      <xsl:with-param name="n" select="count(preceding-sibling::l:section) + 1"/>
      <xsl:with-param name="text" select="@heading"/>
      <xsl:with-param name="src" select="zb:where(.)"/>
    </xsl:call-template>
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <!-- 结构层次序数 (GB/T 9704-2012 7.3.3): 一、黑体; （一）楷体; 1. and （1）仿宋 -->
  <xsl:template name="heading">
    <xsl:param name="level"/>
    <xsl:param name="n"/>
    <xsl:param name="text"/>
    <xsl:param name="src"/>
    <xsl:variable name="cn">
      <xsl:call-template name="cn-number"><xsl:with-param name="n" select="$n"/></xsl:call-template>
    </xsl:variable>
    <lo:p keep-with-next="true" src="{$src}">
      <xsl:attribute name="style">
        <xsl:choose>
          <xsl:when test="$level = 1">h1</xsl:when>
          <xsl:when test="$level = 2">h2</xsl:when>
          <xsl:otherwise>body</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:choose>
        <xsl:when test="$level = 1"><xsl:value-of select="concat($cn, '、')"/></xsl:when>
        <xsl:when test="$level = 2"><xsl:value-of select="concat('（', $cn, '）')"/></xsl:when>
        <xsl:when test="$level = 3"><xsl:value-of select="concat($n, '.')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat('（', $n, '）')"/></xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="normalize-space($text)"/>
    </lo:p>
  </xsl:template>

  <!-- 1..99 in Chinese numerals: 一 … 十 十一 … 二十 … 九十九 -->
  <xsl:template name="cn-number">
    <xsl:param name="n"/>
    <xsl:variable name="d" select="'〇一二三四五六七八九'"/>
    <xsl:variable name="tens" select="floor($n div 10)"/>
    <xsl:variable name="ones" select="$n mod 10"/>
    <xsl:if test="$tens &gt; 1"><xsl:value-of select="substring($d, $tens + 1, 1)"/></xsl:if>
    <xsl:if test="$tens &gt; 0">十</xsl:if>
    <xsl:if test="$ones &gt; 0 or $tens = 0"><xsl:value-of select="substring($d, $ones + 1, 1)"/></xsl:if>
  </xsl:template>

  <!-- 2023-06-20 -> 2023年6月20日 -->
  <xsl:template name="cn-date">
    <xsl:param name="date"/>
    <xsl:value-of select="concat(substring($date, 1, 4), '年', number(substring($date, 6, 2)), '月',
                                 number(substring($date, 9, 2)), '日')"/>
  </xsl:template>

  <!-- ================================================= 附件说明 to 附注 -->

  <!-- 附件说明 (7.3.4): one line below the body, 2 characters in; a name
       that runs on is aligned with the first character of the name -->
  <xsl:template match="l:attachments">
    <xsl:variable name="many" select="count(l:attachment) &gt; 1"/>
    <lo:space lines="1"/>
    <xsl:for-each select="l:attachment">
      <xsl:variable name="no" select="concat(position(), '.')"/>
      <!-- 附件： is 3 characters; a digit or the point half of one -->
      <xsl:variable name="name-at" select="5 + $many * 0.5 * string-length($no)"/>
      <lo:p style="body" hang="{$name-at}" src="{zb:where(.)}">
        <xsl:attribute name="indent">
          <xsl:choose>
            <xsl:when test="position() = 1">2</xsl:when>
            <xsl:otherwise>5</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:if test="position() = 1">附件：</xsl:if>
        <xsl:if test="$many"><xsl:value-of select="$no"/></xsl:if>
        <xsl:value-of select="normalize-space(.)"/>
      </lo:p>
    </xsl:for-each>
  </xsl:template>

  <!-- 发文机关署名 and 成文日期 (7.3.5): sealed two lines below, unsealed one -->
  <xsl:template name="signoff">
    <xsl:variable name="sealed" select="not($doc/@sealed = 'false' or $doc/@sealed = '0')"/>
    <lo:space lines="{1 + $sealed}"/>
    <lo:signoff style="body" date="{$doc/l:date}" src="{zb:where($doc/l:signature)}">
      <xsl:attribute name="sealed">
        <xsl:value-of select="$sealed"/>
      </xsl:attribute>
      <xsl:value-of select="normalize-space($doc/l:signature)"/>
    </lo:signoff>
  </xsl:template>

  <!-- 附注 (7.3.6): the line below the date, 2 characters in, in brackets -->
  <xsl:template match="l:note">
    <lo:p style="body" src="{zb:where(.)}">
      <xsl:value-of select="concat('（', normalize-space(.), '）')"/>
    </lo:p>
  </xsl:template>

  <!-- ============================================================ 版记 -->

  <!-- 版记 (7.4): 四号仿宋 between a 0.35 mm rule above and below, the 抄送
       and 印发 lines parted by a 0.25 mm rule, on the last even page with its
       last rule on the bottom edge of the body -->
  <xsl:template name="colophon">
    <lo:colophon page="even">
      <lo:rule width="0.35"/>
      <xsl:if test="$doc/l:cc">
        <lo:p style="banji" indent="1" hang="4" indent-right="1" src="{zb:where($doc/l:cc)}">
          <xsl:text>抄送：</xsl:text>
          <xsl:value-of select="normalize-space($doc/l:cc)"/>
          <xsl:text>。</xsl:text>
        </lo:p>
        <lo:rule width="0.25"/>
      </xsl:if>
      <lo:fields style="banji" inset="1">
        <lo:field label="" src="{zb:where($doc/l:printing)}">
          <xsl:value-of select="normalize-space($doc/l:printing/@by)"/>
        </lo:field>
        <lo:field label="" src="{zb:where($doc/l:printing)}">
          <xsl:call-template name="cn-date">
            <xsl:with-param name="date" select="$doc/l:printing/@date"/>
          </xsl:call-template>
          <xsl:text>印发</xsl:text>
        </lo:field>
      </lo:fields>
      <lo:rule width="0.35"/>
    </lo:colophon>
  </xsl:template>

  <!-- ======================================================= 附件 forms -->

  <!-- The sections of an attached form, its styles, ids and references
       renamed with PREFIX; page numbers go on from the document's. -->
  <xsl:template match="lo:section" mode="attach">
    <xsl:param name="prefix"/>
    <lo:section name="{substring(concat($prefix, @name), 1, 31)}">
      <xsl:apply-templates select="@*[name() != 'name' and name() != 'numbering']" mode="attach"/>
      <xsl:attribute name="numbering">continue</xsl:attribute>
      <xsl:call-template name="footer"/>
      <xsl:apply-templates select="*[not(self::lo:footer)]" mode="attach">
        <xsl:with-param name="prefix" select="$prefix"/>
      </xsl:apply-templates>
    </lo:section>
  </xsl:template>

  <xsl:template match="@style | lo:style/@name | @id" mode="attach">
    <xsl:param name="prefix"/>
    <xsl:attribute name="{name()}"><xsl:value-of select="concat($prefix, .)"/></xsl:attribute>
  </xsl:template>

  <xsl:template match="@sum | @product" mode="attach">
    <xsl:param name="prefix"/>
    <xsl:attribute name="{name()}">
      <xsl:for-each select="str:tokenize(., ' ')">
        <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
        <xsl:value-of select="concat($prefix, .)"/>
      </xsl:for-each>
    </xsl:attribute>
  </xsl:template>

  <xsl:template match="*" mode="attach">
    <xsl:param name="prefix"/>
    <xsl:element name="lo:{local-name()}">
      <xsl:apply-templates select="@* | node()" mode="attach">
        <xsl:with-param name="prefix" select="$prefix"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <xsl:template match="@* | text()" mode="attach">
    <xsl:copy/>
  </xsl:template>

</xsl:stylesheet>
