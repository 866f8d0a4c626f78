<?xml version="1.0" encoding="UTF-8"?>
<!--
  form-common.xsl - what every form stylesheet shares (xsl:import it).

  A form stylesheet imports this file and defines one named template,
  "sections", that writes the form's <section> elements; this file writes
  the layout document around them (meta, styles) and offers:

    styles       by role and 号: label 附件N (黑体三号), title (小标宋二号),
                 fields (仿宋小四), head / cell / left (table header and body,
                 五号), small variants for wide tables (小五), note, body and
                 sign (仿宋三号 text of a pledge), foot (page numbers)
    heading      "附件N" and the title
    unit-fields  the header line 单位名称（盖章）/填表人/联系电话/填表日期
    field, date-field, cn-date
    ledger-text  the src="ledger.xml:123 what" and text of a cell showing
                 ledger text
    approval     an approval row: the department's name and 审核 on the
                 left, the opinion and "审核人：…　年　月　日" on the right
    role-name    the unit's name for 信息化部门 / 资产部门 / 财务部门
    blank-rows   numbered empty rows of a blank form
    section-attributes
                 the attributes of a <section>: orientation and margins,
                 the section's (worksheet's) name - at most 31 characters,
                 none of []:*?/\ -, and with $stack-copies (set by the forms
                 of a copy a person, demand, request or confirmation) the
                 stack that puts the copies on shared worksheets in XLSX
    footer       "第 N 页 共 M 页"

  Parameters (given by `zhengban build` from forms/catalog.xml and the
  ledger): number (附件N), title, orientation, blank ("1": a form with the
  ledger's data left out, to fill in by hand) and source (the ledger's file
  name, for src attributes that point at a ledger line).

  Stylesheets lay out only: every figure comes from the ledger or from the
  derived facts (/l:ledger/f:facts), never from arithmetic here. Lookups go
  through hash tables, so a form stays O(n log n) on a ledger of 300,000
  events: zb:ref('staff', @id) for the ledger's records (tables in C: an
  xsl:key writes a mark into each record it indexes, which a process
  forked after the checks then copies), xsl:key for the facts.

  What runs once a row or a copy is written for libxslt's costs (some
  5,000 instructions an expression): zb:ref('staff', string(@staff)), as a
  string (with a node-set each node is converted and looked up);
  the same for every copy in a global variable; literal elements and
  attribute value templates rather than xsl:attribute with content (a
  fragment built and freed each time); one test where one will do.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:zhengban:layout:1"
    xmlns:l="urn:zhengban:ledger:1"
    xmlns:f="urn:zhengban:facts:1"
    xmlns:zb="urn:zhengban:xslt"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="l f zb exsl">

  <xsl:output method="xml" encoding="UTF-8"/>

  <xsl:param name="number" select="''"/>
  <xsl:param name="title" select="''"/>
  <xsl:param name="orientation" select="'portrait'"/>
  <xsl:param name="blank" select="'0'"/>
  <xsl:param name="source" select="''"/>
  <!-- A form of one copy per software (附件9), request (附件10) or
       confirmation (附件11) is laid out a piece at a time by build, to
       bound its memory: only the
       copies FIRST-COPY to LAST-COPY (positions among all the form's
       copies, 1-based; 0: to the last), each numbered by its position. -->
  <xsl:param name="first-copy" select="1"/>
  <xsl:param name="last-copy" select="0"/>
  <!-- A form of one long table (附件8) is laid out a range of its rows at
       a time: only the body rows FIRST-ROW to LAST-ROW (1-based; 0: to the
       last), each numbered by its position among all; the rest of the
       form as always. So is a copy of 附件9 too large for one piece: its
       facts then hold only those rows of its log. -->
  <xsl:param name="first-row" select="1"/>
  <xsl:param name="last-row" select="0"/>

  <xsl:variable name="is-blank" select="$blank = '1'"/>
  <xsl:variable name="L" select="/l:ledger"/>
  <xsl:variable name="F" select="/l:ledger/f:facts"/>
  <xsl:variable name="roles" select="$L/l:unit/l:roles"/>

  <!-- ============================================================ document -->

  <xsl:template match="/">
    <document>
      <meta title="{$title}" author="{$L/l:unit/@name}"
            subject="{$L/@year} 年度 附件{$number}" keywords="软件正版化"
            created="{$L/@asOf}"/>
      <styles>
        <style name="label" font="黑体" size="三号"/>
        <style name="title" font="小标宋" size="二号" align="center"
               line-height="1.5" space-after="2"/>
        <style name="fields" font="仿宋" size="小四" line-height="1.6"/>
        <style name="head" font="黑体" size="五号" align="center"/>
        <style name="cell" font="宋体" size="五号" align="center"/>
        <style name="left" font="宋体" size="五号" align="left"/>
        <style name="head-s" font="黑体" size="小五" align="center"/>
        <style name="cell-s" font="宋体" size="小五" align="center"/>
        <style name="left-s" font="宋体" size="小五" align="left"/>
        <style name="group" font="黑体" size="五号" align="left"/>
        <style name="note" font="宋体" size="小五" line-height="1.5"/>
        <style name="body" font="仿宋" size="三号" align="justify" indent="2"
               line-height="28pt"/>
        <style name="sign" font="仿宋" size="三号" line-height="28pt"/>
        <style name="foot" font="宋体" size="小五" align="center"/>
      </styles>
      <xsl:call-template name="sections"/>
    </document>
  </xsl:template>

  <!-- The form's sections; every form stylesheet defines its own. -->
  <xsl:template name="sections">
    <xsl:message terminate="yes">样式表没有定义 sections 模板</xsl:message>
  </xsl:template>

  <!-- ============================================================= pieces -->

  <!-- A form's page: orientation and margins, the first attributes of
       every <section> (section-attributes writes them). -->
  <xsl:variable name="side-margin">
    <xsl:choose>
      <xsl:when test="$orientation = 'portrait'">18</xsl:when>
      <xsl:otherwise>12</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- What every section of the form shares, made once a transformation
       and copied (a form of 6,000 copies would otherwise evaluate it
       6,000 times): the page's attributes, the stack attribute of a copy
       of a form with $stack-copies, and the heading. -->
  <xsl:variable name="section-parts">
    <page orientation="{$orientation}" margin-top="20" margin-bottom="18"
          margin-left="{$side-margin}" margin-right="{$side-margin}"/>
    <stack>
      <xsl:if test="$stack-copies and not($is-blank)">
        <xsl:attribute name="stack"><xsl:value-of select="$copy-stack"/></xsl:attribute>
      </xsl:if>
    </stack>
    <heading>
      <p style="label">附件<xsl:value-of select="$number"/></p>
      <p style="title"><xsl:value-of select="$title"/></p>
    </heading>
  </xsl:variable>
  <xsl:variable name="section-part" select="exsl:node-set($section-parts)/*"/>

  <xsl:template name="heading">
    <xsl:copy-of select="$section-part[3]/*"/>
  </xsl:template>

  <xsl:template name="footer">
    <footer format="第 {{page}} 页 共 {{pages}} 页" style="foot"/>
  </xsl:template>

  <!-- The name of a single-copy form's worksheet: 附件N 标题. -->
  <xsl:variable name="form-sheet" select="concat('附件', $number, ' ', $title)"/>

  <!-- A form with one copy a person, demand, request or confirmation sets
       this to true(): in XLSX its copies are stacked on worksheets named
       after the form (section/@stack in layout.xsd), not a worksheet each. -->
  <xsl:variable name="stack-copies" select="false()"/>

  <!-- The stack attribute of those copies: the form's worksheet name cut
       to 16 characters, so that with the copy range after it it is still a
       worksheet name. -->
  <xsl:variable name="copy-stack">
    <xsl:call-template name="sheet-text">
      <xsl:with-param name="text" select="$form-sheet"/>
      <xsl:with-param name="length" select="16"/>
    </xsl:call-template>
  </xsl:variable>

  <!-- The attributes of a <section> (call it first thing inside): the
       page's, then its name, TEXT made a valid worksheet name, Excel's
       forbidden characters made full-width, at most 31 characters; a copy
       of a form with $stack-copies gets its stack attribute as well.
       Copies are named "序号 名称", so the number keeps them apart
       whatever is cut off. -->
  <xsl:template name="section-attributes">
    <xsl:param name="text" select="$form-sheet"/>
    <xsl:copy-of select="$section-part[1]/@*"/>
    <xsl:attribute name="name">
      <xsl:call-template name="sheet-text">
        <xsl:with-param name="text" select="$text"/>
      </xsl:call-template>
    </xsl:attribute>
    <xsl:copy-of select="$section-part[2]/@*"/>
  </xsl:template>

  <!-- TEXT as (the start of) a worksheet name of at most LENGTH characters. -->
  <xsl:template name="sheet-text">
    <xsl:param name="text"/>
    <xsl:param name="length" select="31"/>
    <xsl:value-of select="normalize-space(substring(translate(
        normalize-space($text), &quot;[]:*?/\'&quot;, '［］：＊？／＼’'), 1, $length))"/>
  </xsl:template>

  <!-- DATE (YYYY-MM-DD) as 2023年6月20日; nothing when empty. -->
  <xsl:template name="cn-date">
    <xsl:param name="date"/>
    <xsl:if test="string($date)">
      <xsl:value-of select="concat(number(substring($date, 1, 4)), '年',
          number(substring($date, 6, 2)), '月', number(substring($date, 9, 2)),
          '日')"/>
    </xsl:if>
  </xsl:template>

  <!-- One label：value of a header line. NODE gives the value and its
       place in the ledger (TEXT overrides the value); a blank form shows
       the label and EMPTY (nothing, or the frame of a date). -->
  <xsl:template name="field">
    <xsl:param name="label"/>
    <xsl:param name="node" select="/.."/>
    <xsl:param name="text" select="string($node)"/>
    <xsl:param name="empty" select="''"/>
    <xsl:param name="width"/>
    <field label="{$label}">
      <xsl:if test="$width">
        <xsl:attribute name="width"><xsl:value-of select="$width"/></xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$is-blank or not(string($text))">
          <xsl:value-of select="$empty"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:if test="$node">
            <xsl:attribute name="src">
              <xsl:value-of select="concat(zb:where($node), ' ', $label)"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:value-of select="$text"/>
        </xsl:otherwise>
      </xsl:choose>
    </field>
  </xsl:template>

  <!-- The frame of a date to fill in by hand. -->
  <xsl:variable name="date-frame" select="'　　　年　　月　　日'"/>

  <!-- A date field: 2023年12月25日, or 　　　年　　月　　日 to fill in. -->
  <xsl:template name="date-field">
    <xsl:param name="label" select="'填表日期：'"/>
    <xsl:param name="node"/>
    <xsl:param name="width"/>
    <xsl:call-template name="field">
      <xsl:with-param name="label" select="$label"/>
      <xsl:with-param name="node" select="$node"/>
      <xsl:with-param name="width" select="$width"/>
      <xsl:with-param name="empty" select="$date-frame"/>
      <xsl:with-param name="text">
        <xsl:call-template name="cn-date">
          <xsl:with-param name="date" select="$node"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- 单位名称（盖章）：… 填表人：… 联系电话：… 填表日期：…, one line across
       a landscape page; on a portrait page, where the four do not fit in
       one line, the unit's name (and seal) on a line of its own. -->
  <xsl:template name="unit-fields">
    <xsl:variable name="filler" select="zb:ref('staff', $L/l:unit/@filler)"/>
    <xsl:variable name="unit">
      <xsl:call-template name="field">
        <xsl:with-param name="label" select="'单位名称（盖章）：'"/>
        <xsl:with-param name="node" select="$L/l:unit/@name"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:if test="$orientation = 'portrait'">
      <fields style="fields"><xsl:copy-of select="$unit"/></fields>
    </xsl:if>
    <fields style="fields">
      <xsl:if test="$orientation != 'portrait'">
        <xsl:copy-of select="$unit"/>
      </xsl:if>
      <xsl:call-template name="field">
        <xsl:with-param name="label" select="'填表人：'"/>
        <xsl:with-param name="node" select="$filler/@name"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="label" select="'联系电话：'"/>
        <xsl:with-param name="node" select="$filler/@phone"/>
      </xsl:call-template>
      <xsl:call-template name="date-field">
        <xsl:with-param name="node" select="$L/@asOf"/>
      </xsl:call-template>
    </fields>
  </xsl:template>

  <!-- The content of a cell or paragraph showing the ledger text NODE
       (TEXT overrides it): src naming its ledger line and WHAT, the
       column, then the text. Call it first thing inside the literal
       element, whose other attributes are written there. -->
  <xsl:template name="ledger-text">
    <xsl:param name="node"/>
    <xsl:param name="text" select="string($node)"/>
    <xsl:param name="what"/>
    <xsl:if test="$node and string($text)">
      <xsl:attribute name="src">
        <xsl:value-of select="concat(zb:where($node), ' ', $what)"/>
      </xsl:attribute>
    </xsl:if>
    <xsl:value-of select="$text"/>
  </xsl:template>

  <!-- A header cell. -->
  <xsl:template name="head">
    <xsl:param name="text"/>
    <xsl:param name="colspan" select="1"/>
    <xsl:param name="style" select="'head'"/>
    <cell style="{$style}">
      <xsl:if test="$colspan != 1">
        <xsl:attribute name="colspan"><xsl:value-of select="$colspan"/></xsl:attribute>
      </xsl:if>
      <xsl:value-of select="$text"/>
    </cell>
  </xsl:template>

  <!-- ========================================================== approvals -->

  <!-- The unit's name for the department of ROLE (it, assets, finance:
       信息化部门, 资产部门, 财务部门). When another role of the same form,
       in the space-separated list WITH, falls to the same department, the
       role is added in brackets: 办公室（信息化）. -->
  <xsl:template name="role-name">
    <xsl:param name="role"/>
    <xsl:param name="with" select="''"/>
    <xsl:variable name="dept" select="$roles/*[local-name() = $role]/@dept"/>
    <xsl:value-of select="zb:ref('departments', $dept)/@name"/>
    <xsl:if test="$roles/*[local-name() != $role and
                  contains(concat(' ', $with, ' '), concat(' ', local-name(), ' '))
                  and @dept = $dept]">
      <xsl:text>（</xsl:text>
      <xsl:choose>
        <xsl:when test="$role = 'it'">信息化</xsl:when>
        <xsl:when test="$role = 'assets'">资产</xsl:when>
        <xsl:otherwise>财务</xsl:otherwise>
      </xsl:choose>
      <xsl:text>）</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- An approval row: WHO and VERB (办公室 / 审核) on the left over
       LABEL-SPAN columns; the opinion of REVIEW (a l:Review element) and
       "SIGNER 姓名　2023年3月10日" (or "年　月　日" to fill in) over SPAN
       columns. -->
  <xsl:template name="approval">
    <xsl:param name="who"/>
    <xsl:param name="verb" select="'审核'"/>
    <xsl:param name="review" select="/.."/>
    <xsl:param name="signer" select="'审核人：'"/>
    <xsl:param name="label-span" select="1"/>
    <xsl:param name="span"/>
    <xsl:param name="height" select="30"/>
    <xsl:variable name="filled" select="$review and not($is-blank)"/>
    <row height="{$height}">
      <cell style="head" colspan="{$label-span}">
        <xsl:value-of select="$who"/><br/><xsl:value-of select="$verb"/>
      </cell>
      <cell colspan="{$span}" valign="top">
        <!-- literal elements, not xsl:attribute: this runs twice a copy -->
        <xsl:choose>
          <xsl:when test="$filled">
            <p style="left" src="{zb:where($review)} {$who}{$verb}">
              <xsl:value-of select="$review"/>
            </p>
            <signature style="left" gap="3" align="right"
                       label="{$signer}{zb:ref('staff', string($review/@by))/@name}"
                       date="{$review/@date}"/>
          </xsl:when>
          <xsl:otherwise>
            <signature style="left" gap="6" align="right" label="{$signer}"/>
          </xsl:otherwise>
        </xsl:choose>
      </cell>
    </row>
  </xsl:template>

  <!-- ========================================================= blank forms -->

  <!-- COUNT rows of COLS cells, the first holding 序号 FROM, FROM+1, ... -->
  <xsl:template name="blank-rows">
    <xsl:param name="count"/>
    <xsl:param name="cols"/>
    <xsl:param name="from" select="1"/>
    <xsl:param name="height" select="9"/>
    <xsl:if test="$count > 0">
      <row height="{$height}">
        <cell type="integer"><xsl:value-of select="$from"/></cell>
        <xsl:call-template name="empty-cells">
          <xsl:with-param name="count" select="$cols - 1"/>
        </xsl:call-template>
      </row>
      <xsl:call-template name="blank-rows">
        <xsl:with-param name="count" select="$count - 1"/>
        <xsl:with-param name="cols" select="$cols"/>
        <xsl:with-param name="from" select="$from + 1"/>
        <xsl:with-param name="height" select="$height"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="empty-cells">
    <xsl:param name="count"/>
    <xsl:if test="$count > 0">
      <cell/>
      <xsl:call-template name="empty-cells">
        <xsl:with-param name="count" select="$count - 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
