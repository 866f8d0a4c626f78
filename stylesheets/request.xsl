<?xml version="1.0" encoding="UTF-8"?>
<!--
  附件10 软件安装维护申请表: one per request. 申请部门 and 联系电话 are the
  applicant's; 计算机品牌 is the computer's; 申请事项 marks one of
  □安装 □卸载 □升级; the software before and after the change; the opinions
  of the applicant's department head and of the unit's 信息化部门.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:zhengban:layout:1"
    xmlns:l="urn:zhengban:ledger:1"
    xmlns:zb="urn:zhengban:xslt"
    exclude-result-prefixes="l zb">

  <xsl:import href="form-common.xsl"/>

  <xsl:variable name="stack-copies" select="true()"/>

  <!-- The names of the departments that review this form. -->
  <xsl:variable name="it-name">
    <xsl:call-template name="role-name">
      <xsl:with-param name="role" select="'it'"/>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template name="sections">
    <xsl:choose>
      <xsl:when test="$is-blank">
        <xsl:call-template name="request">
          <xsl:with-param name="sheet" select="$form-sheet"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$L/l:requests/l:request[
            position() >= $first-copy
            and ($last-copy = 0 or position() &lt;= $last-copy)]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="l:request">
    <xsl:call-template name="request">
      <xsl:with-param name="sheet"
                      select="concat(position() + $first-copy - 1, ' ', @id)"/>
      <xsl:with-param name="request" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="request">
    <xsl:param name="sheet"/>
    <xsl:param name="request" select="/.."/>
    <xsl:variable name="applicant" select="zb:ref('staff', string($request/@applicant))"/>
    <xsl:variable name="computer" select="zb:ref('computers', string($request/@computer))"/>
    <xsl:variable name="change" select="$request/l:install | $request/l:uninstall
                                        | $request/l:upgrade"/>
    <section>
      <xsl:call-template name="section-attributes">
        <xsl:with-param name="text" select="$sheet"/>
      </xsl:call-template>
      <xsl:call-template name="heading"/>
      <p style="fields" align="right">
        <xsl:text>编号：</xsl:text>
        <xsl:value-of select="$request/@id"/>
      </p>
      <table style="cell">
        <col width="32"/><col width="1*"/><col width="32"/><col width="1*"/>
        <row height="11">
          <cell style="head">申请部门</cell>
          <cell>
            <xsl:call-template name="ledger-text">
              <xsl:with-param name="node" select="zb:ref('departments', string($applicant/@dept))/@name"/>
              <xsl:with-param name="what" select="'申请部门'"/>
            </xsl:call-template>
          </cell>
          <cell style="head">申请人</cell>
          <cell>
            <xsl:call-template name="ledger-text">
              <xsl:with-param name="node" select="$applicant/@name"/>
              <xsl:with-param name="what" select="'申请人'"/>
            </xsl:call-template>
          </cell>
        </row>
        <row height="11">
          <cell style="head">联系电话</cell>
          <cell>
            <xsl:call-template name="ledger-text">
              <xsl:with-param name="node" select="$applicant/@phone"/>
              <xsl:with-param name="what" select="'联系电话'"/>
            </xsl:call-template>
          </cell>
          <cell style="head">申请日期</cell>
          <cell type="date"><xsl:value-of select="$request/@date"/></cell>
        </row>
        <row height="11">
          <cell style="head">计算机编号</cell>
          <cell>
            <xsl:call-template name="ledger-text">
              <xsl:with-param name="node" select="$request/@computer"/>
              <xsl:with-param name="what" select="'计算机编号'"/>
            </xsl:call-template>
          </cell>
          <cell style="head">计算机品牌</cell>
          <cell>
            <xsl:call-template name="ledger-text">
              <xsl:with-param name="node" select="$computer/@brand"/>
              <xsl:with-param name="text" select="normalize-space(concat(
                  $computer/@brand, ' ', $computer/@model))"/>
              <xsl:with-param name="what" select="'计算机品牌'"/>
            </xsl:call-template>
          </cell>
        </row>
        <row height="11">
          <cell style="head">申请事项</cell>
          <cell colspan="3" style="left">
            <!-- "☑安装" for the request's change, "□卸载" for the others,
                 each followed by a gap; one expression, as it runs every
                 copy (substring('□☑', 2, 1) is ☑) -->
            <xsl:variable name="kind" select="local-name($change)"/>
            <xsl:value-of select="concat(
                substring('□☑', 1 + ($kind = 'install'), 1), '安装　　　',
                substring('□☑', 1 + ($kind = 'uninstall'), 1), '卸载　　　',
                substring('□☑', 1 + ($kind = 'upgrade'), 1), '升级　　　')"/>
          </cell>
        </row>
        <row height="11">
          <cell style="head">原软件名称/版本</cell>
          <xsl:call-template name="software-cell">
            <xsl:with-param name="id" select="$change[self::l:uninstall]/@software
                                              | $change/@from"/>
            <xsl:with-param name="version" select="$change[self::l:uninstall]/@version
                                                   | $change/@fromVersion"/>
            <xsl:with-param name="what" select="'原软件名称/版本'"/>
          </xsl:call-template>
        </row>
        <row height="11">
          <cell style="head">新软件名称/版本</cell>
          <xsl:call-template name="software-cell">
            <xsl:with-param name="id" select="$change[self::l:install]/@software
                                              | $change/@to"/>
            <xsl:with-param name="version" select="$change[self::l:install]/@version
                                                   | $change/@toVersion"/>
            <xsl:with-param name="what" select="'新软件名称/版本'"/>
          </xsl:call-template>
        </row>
        <row height="30">
          <cell style="head">申请原因</cell>
          <cell style="left" colspan="3">
            <xsl:call-template name="ledger-text">
              <xsl:with-param name="node" select="$request/l:reason"/>
              <xsl:with-param name="what" select="'申请原因'"/>
            </xsl:call-template>
          </cell>
        </row>
        <xsl:call-template name="approval">
          <xsl:with-param name="who" select="'本部门负责人'"/>
          <xsl:with-param name="verb" select="'意见'"/>
          <xsl:with-param name="review" select="$request/l:deptOpinion"/>
          <xsl:with-param name="span" select="3"/>
        </xsl:call-template>
        <xsl:call-template name="approval">
          <xsl:with-param name="who" select="string($it-name)"/>
          <xsl:with-param name="verb" select="'意见'"/>
          <xsl:with-param name="review" select="$request/l:itOpinion"/>
          <xsl:with-param name="span" select="3"/>
        </xsl:call-template>
      </table>
    </section>
  </xsl:template>

  <!-- "名称 / 版本" of the software ID, VERSION given or the catalogue's,
       over three columns. -->
  <xsl:template name="software-cell">
    <xsl:param name="id"/>
    <xsl:param name="version"/>
    <xsl:param name="what"/>
    <xsl:variable name="software" select="zb:ref('software', string($id))"/>
    <xsl:variable name="v" select="string($version | $software[not($version)]/@version)"/>
    <cell style="left" colspan="3">
      <xsl:call-template name="ledger-text">
        <xsl:with-param name="node" select="$software/@name"/>
        <xsl:with-param name="text" select="concat($software/@name,
            substring(' / ', 1, 3 * boolean($v)), $v)"/>
        <xsl:with-param name="what" select="$what"/>
      </xsl:call-template>
    </cell>
  </xsl:template>

</xsl:stylesheet>
