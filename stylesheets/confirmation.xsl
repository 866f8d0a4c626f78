<?xml version="1.0" encoding="UTF-8"?>
<!--
  附件11 软件安装维护确认单: one per confirmation. The computer, its user
  and department; the operations done - the log events that cite the
  confirmation, as the derived facts list them (f:confirmations; the
  ledger's own log is not read, so that build may leave it out of the
  document the stylesheets get), an upgrade (the uninstall and install of one upgrade
  request or deployment) shown as one row 升级 with the software before
  and after; 安装维护人, 完成日期, 完成情况; 使用人确认签字 left for the hand
  with the date the ledger records.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:zhengban:layout:1"
    xmlns:l="urn:zhengban:ledger:1"
    xmlns:f="urn:zhengban:facts:1"
    xmlns:zb="urn:zhengban:xslt"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="l f zb exsl">

  <xsl:import href="form-common.xsl"/>

  <xsl:variable name="stack-copies" select="true()"/>

  <xsl:key name="confirmed" match="/l:ledger/f:facts/f:confirmations/f:confirmation"
           use="@id"/>

  <xsl:template name="sections">
    <xsl:choose>
      <xsl:when test="$is-blank">
        <xsl:call-template name="confirmation">
          <xsl:with-param name="sheet" select="$form-sheet"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$L/l:confirmations/l:confirmation[
            position() >= $first-copy
            and ($last-copy = 0 or position() &lt;= $last-copy)]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="l:confirmation">
    <xsl:call-template name="confirmation">
      <xsl:with-param name="sheet"
                      select="concat(position() + $first-copy - 1, ' ', @id)"/>
      <xsl:with-param name="confirmation" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="confirmation">
    <xsl:param name="sheet"/>
    <xsl:param name="confirmation" select="/.."/>
    <xsl:variable name="computer" select="zb:ref('computers', string($confirmation/@computer))"/>
    <xsl:variable name="user" select="zb:ref('staff', string($computer/@user))"/>
    <xsl:variable name="events" select="key('confirmed', string($confirmation/@id))/f:event"/>
    <section>
      <xsl:call-template name="section-attributes">
        <xsl:with-param name="text" select="$sheet"/>
      </xsl:call-template>
      <xsl:call-template name="heading"/>
      <p style="fields" align="right">
        <xsl:text>编号：</xsl:text>
        <xsl:value-of select="$confirmation/@id"/>
      </p>
      <table style="cell">
        <col width="26"/><col width="18"/><col width="2*"/><col width="1*"/>
        <col width="36"/>
        <row height="11">
          <cell style="head">计算机编号</cell>
          <cell colspan="2">
            <xsl:call-template name="ledger-text">
              <xsl:with-param name="node" select="$confirmation/@computer"/>
              <xsl:with-param name="what" select="'计算机编号'"/>
            </xsl:call-template>
          </cell>
          <cell style="head">使用人</cell>
          <cell>
            <xsl:call-template name="ledger-text">
              <xsl:with-param name="node" select="$user/@name"/>
              <xsl:with-param name="what" select="'使用人'"/>
            </xsl:call-template>
          </cell>
        </row>
        <row height="11">
          <cell style="head">计算机品牌</cell>
          <cell colspan="2">
            <xsl:call-template name="ledger-text">
              <xsl:with-param name="node" select="$computer/@brand"/>
              <xsl:with-param name="text" select="normalize-space(concat(
                  $computer/@brand, ' ', $computer/@model))"/>
              <xsl:with-param name="what" select="'计算机品牌'"/>
            </xsl:call-template>
          </cell>
          <cell style="head">使用部门</cell>
          <cell>
            <xsl:call-template name="ledger-text">
              <xsl:with-param name="node" select="zb:ref('departments', $user/@dept | $computer/@dept)/@name"/>
              <xsl:with-param name="what" select="'使用部门'"/>
            </xsl:call-template>
          </cell>
        </row>
        <row height="10">
          <cell style="head">序号</cell>
          <cell style="head">事项</cell>
          <cell style="head">软件名称</cell>
          <cell style="head">版本</cell>
          <cell style="head">软件编号</cell>
        </row>
        <xsl:choose>
          <xsl:when test="$is-blank">
            <xsl:call-template name="blank-rows">
              <xsl:with-param name="count" select="4"/>
              <xsl:with-param name="cols" select="5"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="not(zb:ref('requests', $events/@request)/l:upgrade
                              | zb:ref('deployments', $events/@deployment)/l:upgrade)">
            <!-- no upgrade (most copies): a row per event as it comes -->
            <xsl:apply-templates select="$events" mode="row"/>
          </xsl:when>
          <xsl:otherwise>
            <!-- an upgrade's uninstall and install are one row: the rows
                 are numbered once those are joined -->
            <xsl:variable name="ops">
              <xsl:apply-templates select="$events" mode="op">
                <xsl:with-param name="events" select="$events"/>
              </xsl:apply-templates>
            </xsl:variable>
            <xsl:for-each select="exsl:node-set($ops)/*">
              <row height="10">
                <cell type="integer"><xsl:value-of select="position()"/></cell>
                <xsl:copy-of select="*[position() > 1]"/>
              </row>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
        <row height="11">
          <cell style="head">安装维护人</cell>
          <cell colspan="2">
            <xsl:for-each select="$events[not(@operator = preceding-sibling::f:event/@operator)]">
              <xsl:if test="position() > 1">、</xsl:if>
              <xsl:value-of select="zb:ref('staff', string(@operator))/@name"/>
            </xsl:for-each>
          </cell>
          <cell style="head">完成日期</cell>
          <cell type="date"><xsl:value-of select="$confirmation/@date"/></cell>
        </row>
        <row height="11">
          <cell style="head">完成情况</cell>
          <cell style="left" colspan="4">
            <xsl:call-template name="ledger-text">
              <xsl:with-param name="node" select="$confirmation/@result"/>
              <!-- the schema's default: 已完成 -->
              <xsl:with-param name="text" select="concat($confirmation/@result,
                  substring('已完成', 1, 3 * ($confirmation and not($confirmation/@result))))"/>
              <xsl:with-param name="what" select="'完成情况'"/>
            </xsl:call-template>
          </cell>
        </row>
        <row height="26">
          <cell style="head">使用人<br/>确认签字</cell>
          <cell colspan="4" valign="top">
            <!-- literal elements, not xsl:attribute: this runs every copy -->
            <xsl:choose>
              <xsl:when test="$confirmation/@signedOn and not($is-blank)">
                <signature style="left" gap="8" date="{$confirmation/@signedOn}"/>
              </xsl:when>
              <xsl:otherwise>
                <signature style="left" gap="8"/>
              </xsl:otherwise>
            </xsl:choose>
          </cell>
        </row>
      </table>
    </section>
  </xsl:template>

  <!-- The row of event E: 序号 (its position), 安装 or 卸载, the name of
       the software, the version E recorded (else the catalogue's) and the
       software's 编号. -->
  <xsl:template match="f:event" mode="row">
    <xsl:variable name="software" select="zb:ref('software', string(@software))"/>
    <row height="10">
      <cell type="integer"><xsl:value-of select="position()"/></cell>
      <cell>
        <xsl:choose>
          <xsl:when test="@action = 'install'">安装</xsl:when>
          <xsl:otherwise>卸载</xsl:otherwise>
        </xsl:choose>
      </cell>
      <cell style="left" src="{zb:where($software)} 软件名称">
        <xsl:value-of select="$software/@name"/>
      </cell>
      <cell src="{concat($source, ':', @line)} 版本">
        <xsl:value-of select="@version | $software[not(current()/@version)]/@version"/>
      </cell>
      <cell><xsl:value-of select="@software"/></cell>
    </row>
  </xsl:template>

  <!-- The row of event E when EVENTS include an upgrade, its 序号 left for
       the caller to write: for the install of an upgrade, 升级 with the
       software before and after; nothing for the uninstall of an upgrade
       whose install is in EVENTS too; else the row above. -->
  <xsl:template match="f:event" mode="op">
    <xsl:param name="events"/>
    <xsl:variable name="e" select="."/>
    <xsl:variable name="upgrade"
        select="zb:ref('requests', @request)/l:upgrade
                | zb:ref('deployments', @deployment)/l:upgrade[
                    ($e/@action = 'install' and @to = $e/@software)
                    or ($e/@action = 'uninstall' and @from = $e/@software)]"/>
    <xsl:choose>
      <xsl:when test="not($upgrade) or (@action = 'uninstall' and
                      not($events[@action = 'install' and @software = $upgrade/@to]))">
        <xsl:apply-templates select="." mode="row"/>
      </xsl:when>
      <xsl:when test="@action = 'install'">
        <xsl:variable name="old" select="$events[@action = 'uninstall'
                                                 and @software = $upgrade/@from][1]"/>
        <xsl:variable name="from" select="zb:ref('software', $upgrade/@from)"/>
        <xsl:variable name="to" select="zb:ref('software', string(@software))"/>
        <row height="10">
          <cell type="integer"/>
          <cell>升级</cell>
          <cell style="left" src="{zb:where($to)} 软件名称">
            <xsl:call-template name="from-to">
              <xsl:with-param name="from" select="string($from/@name)"/>
              <xsl:with-param name="to" select="string($to/@name)"/>
            </xsl:call-template>
          </cell>
          <cell src="{concat($source, ':', @line)} 版本">
            <xsl:call-template name="from-to">
              <xsl:with-param name="from"
                  select="string($old/@version | $from[not($old/@version)]/@version)"/>
              <xsl:with-param name="to"
                  select="string(@version | $to[not(current()/@version)]/@version)"/>
            </xsl:call-template>
          </cell>
          <cell>
            <xsl:call-template name="from-to">
              <xsl:with-param name="from" select="string($from/@id)"/>
              <xsl:with-param name="to" select="string(@software)"/>
            </xsl:call-template>
          </cell>
        </row>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- "FROM → TO", or FROM alone when they are the same. -->
  <xsl:template name="from-to">
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:value-of select="$from"/>
    <xsl:if test="$to != $from">
      <xsl:value-of select="concat(' → ', $to)"/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
