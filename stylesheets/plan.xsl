<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="urn:zhengban:layout:1">
  <xsl:import href="form-common.xsl"/>
  <xsl:template name="sections">
    <section name="stub"><xsl:call-template name="heading"/></section>
  </xsl:template>
</xsl:stylesheet>
